import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { ExternalError } from '../core/errors.js';
import type { HistoryJson } from '../core/replay/history.js';

// The payload codec lives on its own so that reading history files does not load the Temporal client.
export {
  AesGcmCodec,
  decodeHistory,
  encodeHistory,
  isEncrypted,
  parseCodecKey,
} from './history-codec.js';

/** Where live histories come from. */
export interface LiveSource {
  address: string;
  namespace: string;
  /** mTLS client pair (PEM) and optional CA / SNI. */
  tls?: { cert?: string; key?: string; ca?: string; serverName?: string };
  apiKey?: string;
  /** How long the first call may take before the connection counts as failed (the SDK's default: 10 s). */
  connectTimeoutMs?: number;
}

export interface FetchedRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The task queue visibility reports for the run; empty when it reports none. */
  taskQueue: string;
  /** Visibility status, lower-case: running, completed, failed, … */
  status: string;
  history: HistoryJson;
}

export interface HistorySession {
  client: Client;
  close(): Promise<void>;
}

export async function connectLive(source: LiveSource): Promise<HistorySession> {
  const options: ConnectionOptions = {
    address: source.address,
    ...(source.connectTimeoutMs ? { connectTimeout: source.connectTimeoutMs } : {}),
  };
  if (source.tls) {
    const { cert, key, ca, serverName } = source.tls;
    options.tls = {
      ...(cert && key ? { clientCertPair: { crt: Buffer.from(cert), key: Buffer.from(key) } } : {}),
      ...(ca ? { serverRootCACertificate: Buffer.from(ca) } : {}),
      ...(serverName ? { serverNameOverride: serverName } : {}),
    };
  }
  if (source.apiKey) {
    options.apiKey = source.apiKey;
    options.tls ??= {};
  }
  let connection: Connection;
  try {
    connection = await Connection.connect(options);
  } catch (err) {
    throw new ExternalError('Temporal', `could not connect to ${source.address}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { client: new Client({ connection, namespace: source.namespace }), close: () => connection.close() };
}

/**
 * Runs matching a visibility query, newest first, at most `limit`, each with its history in proto3-JSON form
 * (`historyToJSON`, never a JSON.stringify of the protobuf objects: their Long ids would not survive).
 */
export async function fetchRuns(client: Client, query: string, limit: number): Promise<FetchedRun[]> {
  const runs: FetchedRun[] = [];
  try {
    for await (const info of client.workflow.list({ query, pageSize: Math.min(limit, 1000) })) {
      if (runs.length >= limit) break;
      const handle = client.workflow.getHandle(info.workflowId, info.runId);
      const history = JSON.parse(historyToJSON(await handle.fetchHistory())) as HistoryJson;
      runs.push({
        workflowId: info.workflowId,
        runId: info.runId,
        workflowType: info.type,
        taskQueue: info.taskQueue ?? '',
        status: info.status.name.toLowerCase(),
        history,
      });
    }
  } catch (err) {
    throw new ExternalError('Temporal', `listing "${query}" failed: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return runs;
}
