import { describe, expect, it } from 'vitest';
import { ConfigError, loadWorkerConfig } from '../../src/config.js';
import { connectionSettings, explainConnectionError } from '../../src/connection.js';

const PEM = (what: string) => `-----BEGIN ${what}-----\nAAAA\n-----END ${what}-----\n`;

describe('connectionSettings (TLS options)', () => {
  const files: Record<string, string> = {
    '/certs/client.pem': PEM('CERTIFICATE'),
    '/certs/client.key': PEM('PRIVATE KEY'),
    '/certs/ca.pem': PEM('CERTIFICATE'),
    '/certs/garbage.txt': 'hello',
  };
  const read = (path: string) => {
    const content = files[path];
    if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return Buffer.from(content);
  };
  const settingsFor = (env: Record<string, string>) =>
    connectionSettings(loadWorkerConfig(env).temporal, read);

  it('is plain TCP without TLS variables', () => {
    expect(settingsFor({ TEMPORAL_ADDRESS: 'temporal:7233' })).toEqual({ address: 'temporal:7233' });
  });

  it('builds mTLS from file paths: client pair, root CA and server name', () => {
    const settings = settingsFor({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_TLS_CERT: '/certs/client.pem',
      TEMPORAL_TLS_KEY: '/certs/client.key',
      TEMPORAL_TLS_CA: '/certs/ca.pem',
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(settings.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      serverRootCACertificate: Buffer.from(files['/certs/ca.pem'] ?? ''),
      clientCertPair: {
        crt: Buffer.from(files['/certs/client.pem'] ?? ''),
        key: Buffer.from(files['/certs/client.key'] ?? ''),
      },
    });
  });

  it('accepts PEM text directly in the variables (as Kubernetes secrets often provide it)', () => {
    const settings = settingsFor({
      TEMPORAL_TLS_CERT: PEM('CERTIFICATE'),
      TEMPORAL_TLS_KEY: PEM('PRIVATE KEY'),
    });
    expect(settings.tls).toEqual({
      clientCertPair: {
        crt: Buffer.from(PEM('CERTIFICATE').trim()),
        key: Buffer.from(PEM('PRIVATE KEY').trim()),
      },
    });
  });

  it('names the variable whose file is missing or not PEM', () => {
    const missing = () =>
      settingsFor({ TEMPORAL_TLS_CERT: '/certs/nope.pem', TEMPORAL_TLS_KEY: '/certs/client.key' });
    expect(missing).toThrow(ConfigError);
    expect(missing).toThrow('TEMPORAL_TLS_CERT: cannot read the PEM file "/certs/nope.pem": ENOENT');
    expect(() => settingsFor({ TEMPORAL_TLS_CA: '/certs/garbage.txt' })).toThrow(
      'TEMPORAL_TLS_CA: "/certs/garbage.txt" is not a PEM file (no -----BEGIN line)',
    );
  });

  it('turns TLS on for an API key, and never puts the key in error messages', () => {
    const settings = settingsFor({ TEMPORAL_API_KEY: 'secret-key-123' });
    expect(settings).toEqual({ address: 'localhost:7233', apiKey: 'secret-key-123', tls: true });
    const message = explainConnectionError(new Error('connection refused'), settings);
    expect(message).toBe(
      'cannot connect to Temporal at localhost:7233 over TLS, API key: connection refused',
    );
    expect(message).not.toContain('secret-key-123');
  });

  it('says mTLS in the connection error when a client certificate is used', () => {
    const settings = settingsFor({
      TEMPORAL_TLS_CERT: '/certs/client.pem',
      TEMPORAL_TLS_KEY: '/certs/client.key',
    });
    expect(explainConnectionError(new Error('handshake'), settings)).toContain(
      'over mTLS (TEMPORAL_TLS_CERT/KEY)',
    );
  });
});
