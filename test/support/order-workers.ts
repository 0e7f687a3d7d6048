// Real order worker processes for the analysis tests: a dev server, the workers (one workflow bundle they all load,
// so they do not each bundle at start on a shared 2-core machine), Prometheus scraping their /metrics every second,
// and a bounded stream of orders started straight on task queues.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import {
  ensureWorkerBuilt,
  startWorkerProcess,
  type WorkerProcess,
} from '../../scripts/local-platform/order-worker.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { makeOrder } from '../../worker/test/support/orders.js';

/** Bundles the workflows of `workflowsPath` (a file URL) into `dir`/`file`; returns the file. */
export async function bundleWorkflowsFile(workflowsPath: URL, dir: string, file: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(workflowsPath),
    ignoreModules: [],
  });
  const bundlePath = join(dir, file);
  await writeFile(bundlePath, code);
  return bundlePath;
}

/**
 * Starts orders round-robin on each of `queues`, `perSecond` per queue, until stopped or `max` were started; the
 * stop function waits for the starts in flight and returns how many were started.
 */
export function startOrderTraffic(
  client: Client,
  queues: string[],
  perSecond: number,
  max: number,
): () => Promise<number> {
  let started = 0;
  let stopped = false;
  const pending = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    if (stopped || started >= max) return;
    for (const taskQueue of queues) {
      const order = makeOrder();
      started++;
      const p = client.workflow
        .start('OrderWorkflow', { workflowId: order.orderId, taskQueue, args: [order] })
        .catch(() => undefined)
        .finally(() => pending.delete(p));
      pending.add(p);
    }
  }, 1000 / perSecond);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await Promise.all(pending);
    return started;
  };
}

export interface OrderWorkers {
  server: TemporalDevServer;
  prometheus: PrometheusServer;
  dir: TempDir;
  /** Stops the orders (once); how many were started. */
  stopTraffic(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A dev server, one order worker process per entry of `workers` (its env over the shared one: the server, fast
 * retries, WARN logs, the bundle), Prometheus scraping them, and orders on `traffic.queues`; resolves once
 * `warmupMs` has passed, so rate windows have filled. Everything started is stopped by `close`, or at once when a
 * start fails.
 */
export async function startOrderWorkers(options: {
  name: string;
  workers: { name: string; env: Record<string, string> }[];
  traffic: { queues: string[]; perSecond: number; max: number };
  warmupMs: number;
}): Promise<OrderWorkers> {
  await ensureWorkerBuilt();
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).toReversed()) await cleanup().catch(() => undefined);
  };
  try {
    const dir = await tempDir(options.name);
    cleanups.push(() => dir.remove());
    const bundlePath = await bundleWorkflowsFile(
      new URL('../../worker/src/workflows/index.ts', import.meta.url),
      dir.path,
      'workflows.js',
    );
    const server = await startTemporal();
    cleanups.push(() => server.teardown());
    const workers: WorkerProcess[] = [];
    cleanups.push(() => Promise.all(workers.map((w) => w.process.stop())));
    await Promise.all(
      options.workers.map(async ({ name, env }) => {
        const worker = await startWorkerProcess(
          {
            TEMPORAL_ADDRESS: server.address,
            RETRY_INITIAL_INTERVAL: '50ms',
            LOG_LEVEL: 'WARN',
            WORKFLOW_BUNDLE_PATH: bundlePath,
            ...env,
          },
          name,
        );
        workers.push(worker);
      }),
    );
    const prometheus = await startPrometheus(
      workers.map((w) => ({ address: new URL(w.metricsUrl).host })),
      { scrapeIntervalSeconds: 1 },
    );
    cleanups.push(() => prometheus.stop());
    const { queues, perSecond, max } = options.traffic;
    const stopOrders = startOrderTraffic(server.env.client, queues, perSecond, max);
    let stopped: Promise<number> | undefined;
    const stopTraffic = () => {
      stopped ??= stopOrders();
      return stopped;
    };
    cleanups.push(stopTraffic);
    await new Promise((r) => setTimeout(r, options.warmupMs));
    return { server, prometheus, dir, stopTraffic, close };
  } catch (err) {
    await close();
    throw err;
  }
}
