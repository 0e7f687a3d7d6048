import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { main as cliMain } from '../../actions/src/cli/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { InputError } from '../../actions/src/core/errors.js';
import { analyze, resolveAnalysisSpec } from '../../actions/src/steps/analyze.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { SimulatedWorkers } from './analyze-sim.js';

// Short settings so a run takes seconds: measure every 2s, 5 times, 6s rate windows, scraped every 1s.
const FAST = {
  interval: '2s',
  count: 5,
  window: '6s',
  minSamples: 5,
  failureLimit: 1,
  inconclusiveLimit: 1,
  consecutiveErrorLimit: 2,
  builtins: {
    'workflow-failure-rate': true,
    'activity-latency-p95': {
      rule: {
        type: 'mann-whitney',
        confidence: 0.95,
        tolerance: 0.25,
        lookback: '8s',
        step: '1s',
        minSamples: 5,
      },
    },
  },
};

// The cases run side by side: each reads its own simulated queues (and the outage case its own Prometheus), so
// their measurement intervals overlap instead of adding up.
describe.concurrent('analyze against a real Prometheus scraping SDK-shaped metrics', () => {
  let sim: SimulatedWorkers;
  let prometheus: PrometheusServer;
  let dir: TempDir;
  let config: string;

  beforeAll(async () => {
    sim = await SimulatedWorkers.start();
    for (const name of ['good', 'bad', 'nde', 'thin', 'slow', 'outage']) sim.set(`${name}-v1`, {});
    sim.set('good-v2', {});
    sim.set('bad-v2', { activityFailureRate: 0.3 });
    sim.set('nde-v2', {});
    sim.set('thin-v2', { activitiesPerSecond: 0.2, workflowsPerSecond: 0.1 });
    sim.set('slow-v2', { activityLatencyMs: 400 });
    sim.set('outage-v2', {});
    prometheus = await startPrometheus([{ address: sim.address }], { scrapeIntervalSeconds: 1 });
    dir = await tempDir('analyze');
    config = join(dir.path, 'rollout.yaml');
    await writeFile(config, JSON.stringify({ app: 'order-worker', analysis: FAST }));
    // Let the rate windows (6 s) and the Mann-Whitney lookback over them (8 s) fill, with a scrape to spare:
    // every case starts now, side by side, and each judges its first measurement.
    await new Promise((r) => setTimeout(r, 15_000));
  });
  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
    await dir?.remove();
  });

  async function run(name: string, url = prometheus.url): Promise<AnalysisReport> {
    const spec = await resolveAnalysisSpec({
      configPath: config,
      canary: `${name}-v2`,
      baseline: `${name}-v1`,
    });
    return analyze({ prometheus: { url, retries: 1, backoffMs: 200, timeoutMs: 2_000 }, spec });
  }
  const check = (report: AnalysisReport, name: string) => report.checks.find((c) => c.name === name)!;

  it('passes a healthy canary after every measurement', async ({ expect }) => {
    const report = await run('good');
    expect(report.reasons).toEqual(['all 5 checks passed over 5 measurements']);
    expect(report.verdict).toBe('pass');
    expect(report.ticks).toBe(5);
    for (const c of report.checks) {
      expect(c.phase).toBe('Successful');
      expect(c.measurements).toHaveLength(5);
    }
    const rate = check(report, 'activity-failure-rate').measurements[0]!;
    expect(rate.canary).toBe(0);
    expect(rate.canarySamples).toBeGreaterThan(50);
    const judged = check(report, 'activity-latency-p95').measurements.filter((m) => m.pValue !== undefined);
    expect(judged.length).toBeGreaterThanOrEqual(4);
    for (const m of judged) expect(m.pValue).toBeGreaterThan(0.05);
    expect(report.selectors).toEqual({ canary: 'task_queue="good-v2"', baseline: 'task_queue="good-v1"' });
  });

  it('fails a canary whose activities fail, before the window ends (through the CLI)', async ({ expect }) => {
    const reportFile = join(dir.path, 'bad-report.json');
    const summaryFile = join(dir.path, 'bad-summary.md');
    const code = await cliMain([
      '--prometheus-url',
      prometheus.url,
      '--config',
      config,
      '--canary',
      'bad-v2',
      '--baseline',
      'bad-v1',
      '--report',
      reportFile,
      '--summary',
      summaryFile,
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as AnalysisReport;
    expect(report.verdict).toBe('fail');
    expect(report.endedEarly).toBe(true);
    expect(report.ticks).toBe(2);
    const c = check(report, 'activity-failure-rate');
    expect(c.phase).toBe('Failed');
    expect(c.measurements[0]!.canary).toBeGreaterThan(0.15);
    expect(report.reasons[0]).toMatch(
      /^activity-failure-rate: 2 failed measurements \(limit 1\): canary 0\.\d+ > max 0\.05$/,
    );
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('## Canary analysis: ❌ fail');
    expect(summary).toContain('```mermaid');
    expect(summary).toMatch(/\| activity-failure-rate \| Prometheus \| ❌ Failed \| 0 \| 2 \|/);
  });

  it('fails at once on a NonDeterminismError that appears mid-run', async ({ expect }) => {
    const started = Date.now();
    const pending = run('nde');
    await new Promise((r) => setTimeout(r, 3_000));
    const faultAt = Date.now();
    sim.set('nde-v2', { nondeterminismPerSecond: 2 });
    const report = await pending;
    const detectedAfter = Date.now() - faultAt;
    expect(report.verdict).toBe('fail');
    expect(report.reasons[0]).toMatch(
      /^non-determinism: hard failure \(fail-fast\): canary [1-9]\d* > max 0$/,
    );
    const nde = check(report, 'non-determinism');
    expect(nde.counts.failed).toBe(1);
    expect(nde.measurements[0]!.phase).toBe('Successful');
    // Fail-fast: the run ended on that measurement, not after all 5 (no clock bound: CI machines are loaded).
    expect(report.endedEarly).toBe(true);
    expect(nde.measurements.length).toBeLessThan(5);
    expect(nde.measurements.at(-1)!.phase).toBe('Failed');
    console.log(
      `fault → fail ${detectedAfter} ms (one scrape + at most one interval); whole run ${Date.now() - started} ms`,
    );
  });

  it('fails a canary that is significantly slower (Mann-Whitney U)', async ({ expect }) => {
    const report = await run('slow');
    expect(report.verdict).toBe('fail');
    const c = check(report, 'activity-latency-p95');
    expect(c.phase).toBe('Failed');
    const m = c.measurements[0]!;
    expect(m.pValue).toBeLessThan(0.05);
    expect(m.canary).toBeGreaterThan(2 * m.baseline!);
  });

  it('is inconclusive, never a pass, with too little canary traffic', async ({ expect }) => {
    const report = await run('thin');
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons.join('\n')).toMatch(/too little canary traffic: \d+(\.\d+)? samples, need 5/);
  });

  it('stops with an InputError naming the check when its PromQL is bad', async ({ expect }) => {
    await writeFile(
      join(dir.path, 'bad.yaml'),
      JSON.stringify({
        analysis: {
          ...FAST,
          checks: [
            {
              name: 'broken',
              query: 'sum(rate(x{ {{selector}} }[1m])',
              rule: { type: 'threshold', max: 1 },
              minSamples: 0,
            },
          ],
        },
      }),
    );
    const spec = await resolveAnalysisSpec({
      configPath: join(dir.path, 'bad.yaml'),
      canary: 'good-v2',
      baseline: 'good-v1',
    });
    const attempt = analyze({ prometheus: { url: prometheus.url }, spec });
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(/analysis check "broken" query: bad PromQL \(bad_data/);
  });

  it('is inconclusive when Prometheus stops in the middle', async ({ expect }) => {
    const second = await startPrometheus([{ address: sim.address }], { scrapeIntervalSeconds: 1 });
    try {
      await new Promise((r) => setTimeout(r, 9_000));
      const pending = run('outage', second.url);
      await new Promise((r) => setTimeout(r, 2_500));
      await second.stop();
      const report = await pending;
      expect(report.verdict).toBe('inconclusive');
      const nde = check(report, 'non-determinism');
      expect(nde.phase).toBe('Error');
      expect(nde.measurements[0]!.phase).toBe('Successful');
      expect(nde.measurements.at(-1)!.message).toMatch(
        /cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED \(after 2 attempts\)/,
      );
      expect(report.reasons.join('\n')).toMatch(/3 errors in a row \(limit 2\)/);
    } finally {
      await second.stop();
    }
  });
});
