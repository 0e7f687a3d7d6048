// End to end: real dev server, real order worker processes (stable and two canaries), real Prometheus scraping
// their SDK /metrics, order traffic from a Temporal client, and the analyze step judging each canary.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, resolveAnalysisSpec } from '../../actions/src/steps/analyze.js';
import { type OrderWorkers, startOrderWorkers } from '../support/order-workers.js';

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
  let fx: OrderWorkers;
  let config: string;

  beforeAll(async () => {
    const worker = (v: number, env: Record<string, string> = {}) => ({
      name: `order-worker-v${v}`,
      env: { ORDER_TASK_QUEUE: `order-${RUN}-v${v}`, PAYMENT_TASK_QUEUE: `payment-${RUN}-v${v}`, ...env },
    });
    fx = await startOrderWorkers({
      name: 'analyze-e2e',
      // v1 stable, v2 a good canary, v3 a canary whose payment activity fails 80% of the time (retried, so
      // every order of v3 makes several failed attempts: the signal stands clear of the rule whatever the load).
      workers: [worker(1), worker(2), worker(3, { FAULT_PAYMENT_RATE: '0.8' })],
      traffic: {
        queues: [1, 2, 3].map((v) => `order-${RUN}-v${v}`),
        perSecond: ORDERS_PER_SECOND_PER_QUEUE,
        max: MAX_ORDERS,
      },
      // Fill the 10s rate window.
      warmupMs: 12_000,
    });
    config = join(fx.dir.path, 'rollout.yaml');
    await writeFile(config, JSON.stringify({ analysis: ANALYSIS }));
  });
  afterAll(async () => {
    await fx?.close();
  });

  const judge = async (canary: string, baseline = queues(1)) =>
    analyze({
      prometheus: { url: fx.prometheus.url },
      spec: await resolveAnalysisSpec({ configPath: config, canary, baseline }),
      // The Temporal-native check watches the canary's queues too, and must not fail a canary whose runs are fine.
      temporal: { client: fx.server.env.client },
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

    const started = await fx.stopTraffic();
    expect(started).toBeGreaterThan(50);
  });
});
