import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/worker';
import { ConfigError, type TemporalSettings } from './config.js';

export interface ConnectionSettings {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

type ReadFile = (path: string) => Buffer;

/** A PEM value from the env: the PEM text itself, or the path of a file holding it. */
function pem(variable: string, value: string, read: ReadFile): Buffer {
  if (value.includes('-----BEGIN ')) return Buffer.from(value);
  let content: Buffer;
  try {
    content = read(value);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError([{ variable, problem: `cannot read the PEM file "${value}": ${reason}` }]);
  }
  if (!content.toString('latin1').includes('-----BEGIN ')) {
    throw new ConfigError([{ variable, problem: `"${value}" is not a PEM file (no -----BEGIN line)` }]);
  }
  return content;
}

/**
 * The options for `NativeConnection.connect` / `Connection.connect`: mTLS from TEMPORAL_TLS_*
 * (PEM text or file paths), or an API key (which implies TLS, as Temporal Cloud requires).
 */
export function connectionSettings(
  temporal: TemporalSettings,
  read: ReadFile = readFileSync,
): ConnectionSettings {
  const settings: ConnectionSettings = { address: temporal.address };
  if (temporal.apiKey) settings.apiKey = temporal.apiKey;
  const t = temporal.tls;
  if (!t) {
    if (temporal.apiKey) settings.tls = true;
    return settings;
  }
  const tls: TLSConfig = {};
  if (t.serverName) tls.serverNameOverride = t.serverName;
  if (t.ca) tls.serverRootCACertificate = pem('TEMPORAL_TLS_CA', t.ca, read);
  if (t.cert && t.key) {
    tls.clientCertPair = {
      crt: pem('TEMPORAL_TLS_CERT', t.cert, read),
      key: pem('TEMPORAL_TLS_KEY', t.key, read),
    };
  }
  settings.tls = tls;
  return settings;
}

/** Turns a connection failure into one line that says where and how it was connecting. */
export function explainConnectionError(err: unknown, settings: ConnectionSettings): string {
  const reason = err instanceof Error ? err.message : String(err);
  const mode = !settings.tls
    ? 'plain TCP (no TLS)'
    : typeof settings.tls === 'object' && settings.tls.clientCertPair
      ? 'mTLS (TEMPORAL_TLS_CERT/KEY)'
      : 'TLS';
  const auth = settings.apiKey ? ', API key' : '';
  return `cannot connect to Temporal at ${settings.address} over ${mode}${auth}: ${reason}`;
}
