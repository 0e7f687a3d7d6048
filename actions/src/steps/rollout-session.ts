// A process that talks to rollouts and may run rollout workers (the controller and release commands, the release
// action, the demo): one Temporal connection for the client, a native one per worker, and this process's
// infrastructure for the activities (the deployer settings, Prometheus).
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, type Worker } from '@temporalio/worker';
import type { PrometheusOptions } from '../adapters/prometheus.js';
import type { ControllerInfra } from '../controller/activities.js';
import { createRolloutWorker } from '../controller/worker.js';
import { ExternalError } from '../core/errors.js';
import { type OpenRolloutOptions, temporalOf } from './rollout-open.js';

export interface RolloutSession {
  client: Client;
  namespace: string;
  infra: ControllerInfra;
  /** A rollout worker on its own native connection (closed with the session); the caller runs it. */
  startWorker(identity?: string): Promise<Worker>;
  close(): Promise<void>;
}

export async function openRolloutSession(
  options: OpenRolloutOptions,
  run: {
    taskQueue?: string;
    prometheus?: PrometheusOptions;
    workflowBundle?: { code: string } | { codePath: string };
  } = {},
): Promise<RolloutSession> {
  const { config, ...rollout } = options;
  const { address, namespace } = temporalOf(config);
  const auth = options.apiKey ? { apiKey: options.apiKey, tls: true } : {};
  let connection: Connection;
  try {
    connection = await Connection.connect({ address, ...auth, connectTimeout: 10_000 });
  } catch (err) {
    throw new ExternalError('Temporal', `cannot connect to ${address}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const client = new Client({ connection, namespace });
  const infra: ControllerInfra = {
    client,
    temporal: { address, namespace },
    rollout,
    ...(run.prometheus ? { prometheus: run.prometheus } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  const natives: NativeConnection[] = [];
  return {
    client,
    namespace,
    infra,
    async startWorker(identity) {
      const native = await NativeConnection.connect({ address, ...auth });
      natives.push(native);
      return createRolloutWorker({
        connection: native,
        infra,
        ...(identity ? { identity } : {}),
        ...(run.taskQueue ? { taskQueue: run.taskQueue } : {}),
        ...(run.workflowBundle ? { workflowBundle: run.workflowBundle } : {}),
      });
    },
    async close() {
      for (const native of natives) await native.close().catch(() => undefined);
      await connection.close();
    },
  };
}

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** The rollout workflow bundled from its sources at `workflowsPath` (e.g. in a checkout of the toolkit). */
export async function bundleWorkflowsAt(workflowsPath: string): Promise<{ code: string }> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quiet });
  return { code };
}
