// End to end: real dev server, real order worker processes (stable and two canaries), real Prometheus scraping
// their SDK /metrics, order traffic from a Temporal client, and the analyze step judging each canary.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, resolveAnalysisSpec } from '../../actions/src/steps/analyze.js';
import {
  ensureWorkerBuilt,
  startWorkerProcess,
  type WorkerProcess,
} from '../../scripts/local-platform/order-worker.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { makeOrder } from '../../worker/test/support/orders.js';

const RUN = Date.now().toString(36);
const queues = (v: number) => `order-${RUN}-v${v},payment-${RUN}-v${v}`;
const ANALYSIS = {
  interval: '2s',
  count: 4,
  window: '10s',
  minSamples: 3,
  failureLimit: 1,
  inconclusiveLimit: 1,
  // Orders take longer than the window to finish on a loaded 2-core machine, so workflow-failure-rate (completed
  // runs) would be inconclusive here; activity and workflow-task signals arrive at once.
  builtins: ['non-determinism', 'activity-failure-rate', 'schedule-to-start'],
};
const ORDERS_PER_SECOND_PER_QUEUE = 2;
const MAX_ORDERS = 400;

describe('analyze end to end with real worker processes', () => {
  let server: TemporalDevServer;
  const workers: WorkerProcess[] = [];
  let prometheus: PrometheusServer;
  let dir: TempDir;
  let config: string;
  let stopTraffic: () => Promise<number> = async () => 0;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    dir = await tempDir('analyze-e2e');
    // One workflow bundle for the three workers, so they do not each bundle at start on a shared 2-core machine.
    const { code } = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../../worker/src/workflows/index.ts', import.meta.url)),
      ignoreModules: [],
    });
    const bundlePath = join(dir.path, 'workflows.js');
    await writeFile(bundlePath, code);
    server = await startTemporal();
    const worker = (v: number, extra: Record<string, string> = {}) =>
      startWorkerProcess(
        {
          TEMPORAL_ADDRESS: server.address,
          ORDER_TASK_QUEUE: `order-${RUN}-v${v}`,
          PAYMENT_TASK_QUEUE: `payment-${RUN}-v${v}`,
          RETRY_INITIAL_INTERVAL: '50ms',
          LOG_LEVEL: 'WARN',
          WORKFLOW_BUNDLE_PATH: bundlePath,
          ...extra,
        },
        `order-worker-v${v}`,
      ).then((w) => {
        workers.push(w);
        return w;
      });
    // v1 stable, v2 a good canary, v3 a canary whose payment activity fails 80% of the time (retried, so
    // every order of v3 makes several failed attempts: the signal stands clear of the rule whatever the load).
    const started = await Promise.all([worker(1), worker(2), worker(3, { FAULT_PAYMENT_RATE: '0.8' })]);
    prometheus = await startPrometheus(
      started.map((w) => ({ address: new URL(w.metricsUrl).host })),
      { scrapeIntervalSeconds: 1 },
    );
    config = join(dir.path, 'rollout.yaml');
    await writeFile(config, JSON.stringify({ analysis: ANALYSIS }));
    stopTraffic = startTraffic(server, [1, 2, 3]);
    // Fill the 10s rate window.
    await new Promise((r) => setTimeout(r, 12_000));
  });
  afterAll(async () => {
    await stopTraffic();
    await Promise.all(workers.map((w) => w.process.stop()));
    await prometheus?.stop();
    await server?.teardown();
    await dir?.remove();
  });

  const judge = async (canary: string, baseline = queues(1)) =>
    analyze({
      prometheus: { url: prometheus.url },
      spec: await resolveAnalysisSpec({ configPath: config, canary, baseline }),
      // The Temporal-native check watches the canary's queues too, and must not fail a canary whose runs are fine.
      temporal: { client: server.env.client },
    });

  it('passes the good canary, fails the faulty one early, and is inconclusive without traffic', async () => {
    const [good, faulty, idle] = await Promise.all([
      judge(queues(2)),
      judge(queues(3)),
      judge(`order-${RUN}-v9`),
    ]);

    expect(good.reasons).toEqual(['all 4 checks passed over 4 measurements']);
    expect(good.verdict).toBe('pass');
    const goodTasks = good.checks.find((c) => c.name === 'workflow-task-failures')!;
    expect(goodTasks).toMatchObject({ source: 'temporal', phase: 'Successful' });
    expect(goodTasks.measurements.at(-1)!.message).toMatch(
      /^Temporal: no failing workflow task in \d+ open canary runs?/,
    );
    const goodRate = good.checks.find((c) => c.name === 'activity-failure-rate')!.measurements;
    expect(goodRate.every((m) => m.canary === 0 && (m.canarySamples ?? 0) >= 3)).toBe(true);

    const faultyRate = faulty.checks.find((c) => c.name === 'activity-failure-rate')!;
    const seen = JSON.stringify(faultyRate.measurements);
    expect(faulty.verdict, seen).toBe('fail');
    expect(faulty.endedEarly, seen).toBe(true);
    expect(faultyRate.phase).toBe('Failed');
    // Payment is one activity of several per order; at 80% it still dominates the attempts. What matters is that
    // the first measurement is already over the rule's 0.05, so the verdict comes after 2 of 4 measurements.
    expect(faultyRate.measurements[0]!.canary).toBeGreaterThan(0.05);
    expect(faulty.checks.find((c) => c.name === 'non-determinism')!.counts.failed).toBe(0);
    // Failing activities are retried by Temporal, not workflow-task failures: only Prometheus fails this canary.
    expect(faulty.failedSources).toEqual(['prometheus']);
    expect(faulty.checks.find((c) => c.name === 'workflow-task-failures')!.counts.failed).toBe(0);

    expect(idle.verdict).toBe('inconclusive');
    expect(idle.reasons.join('\n')).toMatch(/no canary traffic data|too little canary traffic/);

    const started = await stopTraffic();
    expect(started).toBeGreaterThan(50);
  });
});

/** Starts orders round-robin on each version's order queue until stopped (bounded by MAX_ORDERS). */
function startTraffic(server: TemporalDevServer, versions: number[]): () => Promise<number> {
  let started = 0;
  let stopped = false;
  const pending = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    if (stopped || started >= MAX_ORDERS) return;
    for (const v of versions) {
      const order = makeOrder();
      started++;
      const p = server.env.client.workflow
        .start('OrderWorkflow', { workflowId: order.orderId, taskQueue: `order-${RUN}-v${v}`, args: [order] })
        .catch(() => undefined)
        .finally(() => pending.delete(p));
      pending.add(p);
    }
  }, 1000 / ORDERS_PER_SECOND_PER_QUEUE);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await Promise.all(pending);
    return started;
  };
}
