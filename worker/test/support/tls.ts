import { writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, type TLSSocket } from 'node:tls';
import { execa } from 'execa';

export interface Pki {
  dir: string;
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client pair from another CA, which the server must refuse. */
  rogueCert: string;
  rogueKey: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  await execa('openssl', args, { cwd: dir });
}

async function keyAndCsr(dir: string, name: string, cn: string): Promise<void> {
  await openssl(
    dir,
    ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    ]),
  );
}

async function sign(dir: string, name: string, ca: string, ext: string): Promise<void> {
  await writeFile(join(dir, `${name}.ext`), ext);
  await openssl(
    dir,
    ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`].concat([
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      `${name}.pem`,
      '-extfile',
      `${name}.ext`,
    ]),
  );
}

async function ca(dir: string, name: string): Promise<void> {
  await openssl(
    dir,
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2']
      .concat(['-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', `/CN=${name}`])
      .concat([
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ]),
  );
}

/** A throwaway CA with a server certificate for `serverName` (+127.0.0.1) and a client certificate. */
export async function makePki(dir: string, serverName: string): Promise<Pki> {
  await ca(dir, 'ca');
  await ca(dir, 'rogue-ca');
  await keyAndCsr(dir, 'server', serverName);
  await sign(
    dir,
    'server',
    'ca',
    `subjectAltName=DNS:${serverName},IP:127.0.0.1\nextendedKeyUsage=serverAuth\n`,
  );
  await keyAndCsr(dir, 'client', 'order-worker');
  await sign(dir, 'client', 'ca', 'extendedKeyUsage=clientAuth\n');
  await keyAndCsr(dir, 'rogue', 'order-worker');
  await sign(dir, 'rogue', 'rogue-ca', 'extendedKeyUsage=clientAuth\n');
  const p = (f: string) => join(dir, f);
  return {
    dir,
    caCert: p('ca.pem'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    clientCert: p('client.pem'),
    clientKey: p('client.key'),
    rogueCert: p('rogue.pem'),
    rogueKey: p('rogue.key'),
  };
}

export interface MtlsProxy {
  address: string;
  /** Subjects (CN) of the client certificates that completed a handshake. */
  readonly clients: string[];
  /** Handshake errors seen (clients refused). */
  readonly refused: string[];
  close(): Promise<void>;
}

/**
 * A TLS front for the (plain-text) dev server that requires a client certificate from `ca`:
 * TLS is terminated here and the HTTP/2 bytes go on to `upstream` unchanged.
 */
export async function startMtlsProxy(
  pki: Pki,
  upstream: string,
  read: (path: string) => Promise<Buffer>,
): Promise<MtlsProxy> {
  const [host, port] = [
    upstream.slice(0, upstream.lastIndexOf(':')),
    Number(upstream.slice(upstream.lastIndexOf(':') + 1)),
  ];
  const clients: string[] = [];
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(
    {
      key: await read(pki.serverKey),
      cert: await read(pki.serverCert),
      ca: await read(pki.caCert),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      const cn = socket.getPeerCertificate().subject?.CN;
      clients.push(Array.isArray(cn) ? cn.join(',') : (cn ?? '?'));
      const backend = connect(port, host);
      for (const s of [socket, backend]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          socket.destroy();
          backend.destroy();
        });
      }
      socket.pipe(backend).pipe(socket);
    },
  );
  server.on('tlsClientError', (err) => refused.push(err.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    address: `127.0.0.1:${address.port}`,
    clients,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
