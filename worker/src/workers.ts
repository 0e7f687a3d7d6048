import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MetricMeter } from '@temporalio/common';
import { type NativeConnection, Worker, type WorkerOptions, type WorkerPlugin } from '@temporalio/worker';
import { createOrderActivities, createPaymentActivities } from './activities/index.js';
import { activityMetricsInterceptor } from './activities/metrics.js';
import type { WorkerConfig } from './config.js';
import type { Services } from './services/types.js';

/** The workflows module next to this file: compiled in dist/, TypeScript source when run from src/. */
export const WORKFLOWS_PATH = ['./workflows/index.js', './workflows/index.ts']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p)) as string;

export interface OrderWorkers {
  order: Worker;
  payment: Worker;
}

export interface CreateWorkersOptions {
  connection: NativeConnection;
  services: Services;
  meter: MetricMeter;
  plugins?: WorkerPlugin[];
  /** Overrides the workflows module path (tests); WORKFLOW_BUNDLE_PATH still wins. */
  workflowsPath?: string;
}

/**
 * The two Workers of one order-worker process: workflows + order activities on ORDER_TASK_QUEUE,
 * payment activities on PAYMENT_TASK_QUEUE. Both share the connection, versioning and limits.
 */
export async function createOrderWorkers(
  config: WorkerConfig,
  options: CreateWorkersOptions,
): Promise<OrderWorkers> {
  const common: Omit<WorkerOptions, 'taskQueue'> = {
    connection: options.connection,
    namespace: config.temporal.namespace,
    shutdownGraceTime: config.shutdownGraceMs,
    interceptors: { activity: [activityMetricsInterceptor(options.meter)] },
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(config.maxConcurrentActivities !== undefined
      ? { maxConcurrentActivityTaskExecutions: config.maxConcurrentActivities }
      : {}),
    ...(config.deployment
      ? {
          workerDeploymentOptions: {
            version: { deploymentName: config.deployment.deploymentName, buildId: config.deployment.buildId },
            useWorkerVersioning: true,
            defaultVersioningBehavior: config.deployment.defaultVersioningBehavior,
          },
        }
      : {}),
  };
  const bundlePath =
    (config.tracing.enabled ? config.tracingWorkflowBundlePath : undefined) ?? config.workflowBundlePath;
  const workflows = bundlePath
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: options.workflowsPath ?? WORKFLOWS_PATH };
  const order = await Worker.create({
    ...common,
    ...workflows,
    taskQueue: config.orderTaskQueue,
    activities: createOrderActivities({
      inventory: options.services.inventory,
      shipping: options.services.shipping,
      notifications: options.services.notifications,
      settings: config.settings,
    }),
    ...(config.maxConcurrentWorkflowTasks !== undefined
      ? { maxConcurrentWorkflowTaskExecutions: config.maxConcurrentWorkflowTasks }
      : {}),
  });
  const payment = await Worker.create({
    ...common,
    taskQueue: config.paymentTaskQueue,
    activities: createPaymentActivities({ payment: options.services.payment }),
  });
  return { order, payment };
}
