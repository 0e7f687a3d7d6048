// The analyze CLI on builds that share one task queue (what a same-queue release runs): real dev server, three
// real order worker processes on the same queues (stable 1.0.0, a good 1.1.0, a 1.1.1 whose payments fail), real
// Prometheus scraping their /metrics, order traffic. Given the two versions and no label, the analysis compares
// the builds by the build id each worker puts on its metrics: the good canary passes, the bad one fails.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as analyzeCli } from '../../actions/src/cli/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { type OrderWorkers, startOrderWorkers } from '../support/order-workers.js';

const RUN = Date.now().toString(36);
// rollout.yaml's default template {base}-v{major}: every 1.x release polls these.
const ORDER_QUEUE = `order-sq-${RUN}-v1`;
const PAYMENT_QUEUE = `payment-sq-${RUN}-v1`;
const ROLLOUT_YAML = [
  'app: order-worker',
  'image: local',
  'taskQueues:',
  `  order: { base: order-sq-${RUN} }`,
  `  payment: { base: payment-sq-${RUN} }`,
  'analysis:',
  '  interval: 2s',
  '  count: 4',
  '  window: 10s',
  '  minSamples: 3',
  '  failureLimit: 1',
  '  inconclusiveLimit: 1',
  '  builtins: [non-determinism, activity-failure-rate]',
  '',
].join('\n');
const ORDERS_PER_SECOND = 3;
const MAX_ORDERS = 400;

describe('analyze CLI: two builds on one task queue are compared by build id', () => {
  let fx: OrderWorkers;
  let config: string;

  beforeAll(async () => {
    const worker = (buildId: string, env: Record<string, string> = {}) => ({
      name: `order-worker-${buildId}`,
      env: { ORDER_TASK_QUEUE: ORDER_QUEUE, PAYMENT_TASK_QUEUE: PAYMENT_QUEUE, BUILD_ID: buildId, ...env },
    });
    fx = await startOrderWorkers({
      name: 'analyze-same-queue',
      workers: [worker('1.0.0'), worker('1.1.0'), worker('1.1.1', { FAULT_PAYMENT_RATE: '0.8' })],
      traffic: { queues: [ORDER_QUEUE], perSecond: ORDERS_PER_SECOND, max: MAX_ORDERS },
      // Fill the 10s rate window.
      warmupMs: 12_000,
    });
    config = join(fx.dir.path, 'rollout.yaml');
    await writeFile(config, ROLLOUT_YAML);
  }, 180_000);
  afterAll(async () => {
    await fx?.close();
  });

  const judge = async (version: string) => {
    const reportFile = join(fx.dir.path, `${version}-report.json`);
    const summaryFile = join(fx.dir.path, `${version}-summary.md`);
    const code = await analyzeCli([
      '--prometheus-url',
      fx.prometheus.url,
      '--config',
      config,
      '--version',
      version,
      '--baseline-version',
      '1.0.0',
      '--temporal-address',
      fx.server.address,
      '--report',
      reportFile,
      '--summary',
      summaryFile,
    ]);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as AnalysisReport;
    return { code, report, summary: await readFile(summaryFile, 'utf8') };
  };

  it('passes the good build and fails the bad one, each against stable’s build on the shared queue', async () => {
    const [good, bad] = await Promise.all([judge('1.1.0'), judge('1.1.1')]);
    const queues = `task_queue=~"${ORDER_QUEUE}|${PAYMENT_QUEUE}"`;
    const rule = `canary and stable both poll ${ORDER_QUEUE},${PAYMENT_QUEUE}, so they are compared by their build id (temporal_rollout_build_id 1.1.0 against 1.0.0) on those queues`;

    expect(good.report.selectors).toEqual({
      canary: `temporal_rollout_build_id="1.1.0", ${queues}`,
      baseline: `temporal_rollout_build_id="1.0.0", ${queues}`,
    });
    expect(good.report.selectorRule).toBe(rule);
    expect(good.summary).toContain(`Selector: ${rule}.`);
    expect(good.report.reasons).toEqual(['all 3 checks passed over 4 measurements']);
    expect(good.code).toBe(0);
    // Both sides had traffic: the build ids are what the workers' metrics carry.
    const goodRate = good.report.checks.find((c) => c.name === 'activity-failure-rate')!.measurements;
    expect(
      goodRate.every((m) => m.canary === 0 && (m.canarySamples ?? 0) >= 3),
      JSON.stringify(goodRate),
    ).toBe(true);
    // The Temporal check watches the runs on the shared queues.
    expect(good.report.temporalRuns).toBe(
      `(TaskQueue IN ("${ORDER_QUEUE}", "${PAYMENT_QUEUE}")) AND ExecutionStatus="Running"`,
    );
    expect(good.report.checks.find((c) => c.name === 'workflow-task-failures')?.phase).toBe('Successful');

    expect(bad.report.selectors.canary).toBe(`temporal_rollout_build_id="1.1.1", ${queues}`);
    const badRate = bad.report.checks.find((c) => c.name === 'activity-failure-rate')!;
    expect(bad.report.verdict, JSON.stringify(badRate.measurements)).toBe('fail');
    expect(bad.code).toBe(1);
    expect(badRate.phase).toBe('Failed');
    expect(bad.report.failedSources).toEqual(['prometheus']);

    expect(await fx.stopTraffic()).toBeGreaterThan(30);
  }, 180_000);
});
