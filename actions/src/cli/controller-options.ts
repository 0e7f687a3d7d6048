// What the controller, release, status and send commands share: connecting to Temporal (a client, and a
// native connection for a rollout worker) and this process's infrastructure for the activities.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { ControllerInfra } from '../controller/activities.js';
import { createRolloutWorker } from '../controller/worker.js';
import { ExternalError } from '../core/errors.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import { authFromEnv } from './analyze.js';

export const CONTROLLER_OPTIONS = {
  'prometheus-url': { type: 'string' },
  'task-queue': { type: 'string' },
  'workflow-bundle': { type: 'string' },
} as const;

export const CONTROLLER_HELP = `
  --prometheus-url URL      where the analysis measures (default $PROMETHEUS_URL); credentials from
                            PROMETHEUS_USERNAME + PROMETHEUS_PASSWORD or PROMETHEUS_TOKEN
  --task-queue Q            the rollout workers' task queue (default temporal-rollout)
  --workflow-bundle FILE    RolloutWorkflow prebuilt with bundleWorkflowCode (default: bundled at start)`;

export interface ControllerValues {
  'prometheus-url'?: string;
  'task-queue'?: string;
  'workflow-bundle'?: string;
}

export interface ControllerSession {
  client: Client;
  namespace: string;
  infra: ControllerInfra;
  /** A rollout worker on its own native connection (closed with the session). */
  startWorker(identity?: string): Promise<Worker>;
  close(): Promise<void>;
}

export async function openController(
  options: OpenRolloutOptions,
  values: ControllerValues,
): Promise<ControllerSession> {
  const taskQueue = values['task-queue'];
  const { config } = options;
  const address =
    options.temporalAddress ?? config.temporal.address ?? process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const namespace = options.namespace ?? config.temporal.namespace;
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
  const url = values['prometheus-url'] ?? process.env.PROMETHEUS_URL;
  const prometheusAuth = authFromEnv();
  const { config: _config, ...rollout } = options;
  const infra: ControllerInfra = {
    client,
    temporal: { address, namespace },
    rollout,
    ...(url ? { prometheus: { url, ...(prometheusAuth ? { auth: prometheusAuth } : {}) } } : {}),
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
        ...(taskQueue ? { taskQueue } : {}),
        ...(identity ? { identity } : {}),
        ...(values['workflow-bundle'] ? { workflowBundle: { codePath: values['workflow-bundle'] } } : {}),
      });
    },
    async close() {
      for (const native of natives) await native.close().catch(() => undefined);
      await connection.close();
    },
  };
}
