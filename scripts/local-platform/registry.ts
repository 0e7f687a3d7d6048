import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { freePort } from './ports.js';
import { httpOk, type ManagedProcess, startProcess } from './process.js';
import { tempDir } from './temp.js';
import { tool } from './tools.js';

export interface OciRegistry {
  /** host:port on 127.0.0.1: plain HTTP, or HTTPS with `tls` */
  host: string;
  /** With `tls`: the PEM file of its self-signed certificate (the CA a client must trust, e.g. SSL_CERT_FILE). */
  caFile?: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * A self-signed certificate for 127.0.0.1 (P-256, one day): `certs/ca.crt` alone in its folder, as buildah's and
 * skopeo's `--cert-dir` want a CA (a `.key` there would be read as a client certificate), the key beside it.
 */
async function selfSignedCertificate(dir: string): Promise<{ certificate: string; key: string }> {
  await mkdir(join(dir, 'certs'));
  const certificate = join(dir, 'certs', 'ca.crt');
  const key = join(dir, 'registry.key');
  await execa('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    certificate,
  ]);
  return { certificate, key };
}

/**
 * The CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 with a free port and temp storage;
 * with `tls`, over HTTPS with a self-signed certificate, as a registry a workflow reaches with TLS verified.
 */
export async function startRegistry(options: { tls?: boolean } = {}): Promise<OciRegistry> {
  const dir = await tempDir('registry');
  const port = await freePort();
  const configFile = join(dir.path, 'config.yml');
  const tls = options.tls ? await selfSignedCertificate(dir.path) : undefined;
  const config = {
    version: 0.1,
    log: { level: 'warn' },
    storage: { filesystem: { rootdirectory: join(dir.path, 'data') }, delete: { enabled: true } },
    http: { addr: `127.0.0.1:${port}`, ...(tls ? { tls } : {}) },
  };
  await writeFile(configFile, JSON.stringify(config));
  const host = `127.0.0.1:${port}`;
  const proc = await startProcess('docker-registry', tool('registry'), ['serve', configFile], {
    // Ready once it listens: over TLS, the handshake with its own certificate is what `ready` checks.
    ready: tls
      ? async () =>
          (
            await execa('curl', ['-sf', '--cacert', tls.certificate, `https://${host}/v2/`], {
              reject: false,
            })
          ).exitCode === 0
      : () => httpOk(`http://${host}/v2/`),
  }).catch(async (err) => {
    await dir.remove();
    throw err;
  });
  return {
    host,
    ...(tls ? { caFile: tls.certificate } : {}),
    process: proc,
    async stop() {
      await proc.stop();
      await dir.remove();
    },
  };
}
