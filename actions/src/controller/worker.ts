// A rollout worker: polls `temporal-rollout` for RolloutWorkflow tasks and runs its activities with this
// process's infrastructure. The CLI's `controller` runs one until stopped; an attached release runs one while
// it follows its rollout.
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type NativeConnection, Worker } from '@temporalio/worker';
import { type ControllerInfra, createRolloutActivities } from './activities.js';
import { ROLLOUT_TASK_QUEUE } from './api.js';

/** The workflow module; the SDK bundles it (webpack resolves the `.js` imports to `.ts` sources). */
export const ROLLOUT_WORKFLOWS_PATH = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export interface RolloutWorkerOptions {
  connection: NativeConnection;
  infra: ControllerInfra;
  taskQueue?: string;
  /** Default: the SDK's `pid@host`. Attached jobs set their own to tell themselves from a controller. */
  identity?: string;
  /** Prebuilt code from `bundleRolloutWorkflows` (bundling takes seconds); default: bundle now. */
  workflowBundle?: { code: string } | { codePath: string };
}

const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** The workflow bundle, built once and reusable by every worker of a process. */
export async function bundleRolloutWorkflows(): Promise<{ code: string }> {
  const { code } = await bundleWorkflowCode({ workflowsPath: ROLLOUT_WORKFLOWS_PATH, logger: quiet });
  return { code };
}

export async function createRolloutWorker(options: RolloutWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.infra.temporal.namespace,
    taskQueue: options.taskQueue ?? ROLLOUT_TASK_QUEUE,
    ...(options.identity ? { identity: options.identity } : {}),
    workflowBundle: options.workflowBundle ?? (await bundleRolloutWorkflows()),
    activities: createRolloutActivities(options.infra),
    // Steps shell out to helm and wait for workers; a few at a time is plenty.
    maxConcurrentActivityTaskExecutions: 4,
  });
}
