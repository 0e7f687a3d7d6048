// The analyze action's own glue, run in-process the way the runner runs it (INPUT_* env, output and summary
// files) against a real Prometheus scraping SDK-shaped metrics: versions become task-queue selectors through
// rollout.yaml's templates, outputs and the report are written, and the step fails on `fail`.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyzeAction } from '../../actions/src/action/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { runAs } from '../support/action-env.js';
import { SimulatedWorkers } from './analyze-sim.js';

const ROLLOUT = {
  app: 'shop',
  image: 'registry.example.com/acme/shop',
  taskQueues: { order: { base: 'shop-order' }, payment: { base: 'shop-payment' } },
  analysis: {
    interval: '2s',
    count: 3,
    window: '6s',
    minSamples: 5,
    failureLimit: 0,
    inconclusiveLimit: 1,
    builtins: ['non-determinism', 'activity-failure-rate'],
  },
};

describe('analyze action (INPUT_* env, real Prometheus)', () => {
  let sim: SimulatedWorkers;
  let prometheus: PrometheusServer;
  let dir: TempDir;
  let inputs: Record<string, string>;

  beforeAll(async () => {
    sim = await SimulatedWorkers.start();
    // Stable 1.x, a healthy 2.x and a 3.x whose activities fail, on the queues rollout.yaml names per version.
    for (const kind of ['order', 'payment']) {
      sim.set(`shop-${kind}-v1`, {});
      sim.set(`shop-${kind}-v2`, {});
      sim.set(`shop-${kind}-v3`, { activityFailureRate: 0.4 });
    }
    prometheus = await startPrometheus([{ address: sim.address }], { scrapeIntervalSeconds: 1 });
    dir = await tempDir('analyze-action');
    const config = join(dir.path, 'rollout.yaml');
    await writeFile(config, JSON.stringify(ROLLOUT));
    inputs = { 'prometheus-url': prometheus.url, config, 'baseline-version': '1.4.0' };
    // Let the rate windows fill.
    await new Promise((r) => setTimeout(r, 8_000));
  });
  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
    await dir?.remove();
  });

  it('passes a healthy version: selectors from rollout.yaml, outputs, report file and job summary', async () => {
    const reportPath = join(dir.path, 'pass.json');
    const run = await runAs(runAnalyzeAction, dir.path, {
      ...inputs,
      version: '2.1.0',
      'report-path': reportPath,
    });
    expect(run.failed, run.log).toBe(false);
    expect(run.outputs).toEqual({
      verdict: 'pass',
      reasons: expect.any(String),
      report: reportPath,
      'failed-sources': '',
    });
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as AnalysisReport;
    expect(report.verdict).toBe('pass');
    expect(report.settings).toMatchObject({ count: 3 });
    expect(report.selectors).toEqual({
      canary: 'task_queue=~"shop-order-v2|shop-payment-v2"',
      baseline: 'task_queue=~"shop-order-v1|shop-payment-v1"',
    });
    expect(run.log).toMatch(/\[3\/3\] non-determinism=Successful activity-failure-rate=Successful/);
    expect(run.summary).toMatch(/^## Canary analysis: \S+ pass$/m);
    expect(run.summary).toContain('3 of 3 measurements every 2s');
  }, 60_000);

  it('fails the step on a failing version, after setting the outputs the rollback job reads', async () => {
    const reportPath = join(dir.path, 'fail.json');
    const run = await runAs(runAnalyzeAction, dir.path, {
      ...inputs,
      version: '3.0.0',
      'report-path': reportPath,
    });
    expect(run.failed).toBe(true);
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs.reasons).toMatch(/activity-failure-rate/);
    expect(run.outputs['failed-sources']).toBe('prometheus');
    expect(run.log).toMatch(/::error::canary analysis failed: .*activity-failure-rate/);
    expect(JSON.parse(await readFile(reportPath, 'utf8')).verdict).toBe('fail');
  }, 60_000);

  it('refuses contradictory credentials and a missing baseline before querying, naming the input', async () => {
    const both = await runAs(runAnalyzeAction, dir.path, {
      ...inputs,
      version: '2.1.0',
      'prometheus-token': 't0ken',
      'prometheus-username': 'ops',
    });
    expect(both.failed).toBe(true);
    expect(both.outputs).toEqual({});
    expect(both.log).toMatch(/::error::input "prometheus-token": is set together with basic auth/);
    // The token reaches the log only in the command that masks it.
    expect(both.log).toContain('::add-mask::t0ken');
    expect(
      both.log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('t0ken');

    const { 'baseline-version': _, ...withoutBaseline } = inputs;
    const noBaseline = await runAs(runAnalyzeAction, dir.path, { ...withoutBaseline, version: '2.1.0' });
    expect(noBaseline.failed).toBe(true);
    expect(noBaseline.log).toMatch(/::error::.*baseline/);
    expect(noBaseline.outputs).toEqual({});
  });

  it('takes deadline, query-timeout and query-retries, and runs the Temporal check with temporal-address', async () => {
    let server: TemporalDevServer | undefined;
    try {
      server = await startTemporal();
      const reportPath = join(dir.path, 'temporal.json');
      const watched = await runAs(runAnalyzeAction, dir.path, {
        ...inputs,
        version: '2.1.0',
        'temporal-address': server.address,
        'report-path': reportPath,
      });
      expect(watched.failed, watched.log).toBe(false);
      expect(watched.outputs).toMatchObject({ verdict: 'pass', 'failed-sources': '' });
      const report = JSON.parse(await readFile(reportPath, 'utf8')) as AnalysisReport;
      expect(report.temporalRuns).toBe(
        'TaskQueue IN ("shop-order-v2", "shop-payment-v2") AND ExecutionStatus="Running"',
      );
      const tasks = report.checks.find((c) => c.name === 'workflow-task-failures')!;
      expect(tasks).toMatchObject({ source: 'temporal', phase: 'Successful' });
      expect(tasks.measurements.at(-1)!.message).toBe(
        'Temporal: no failing workflow task in 0 open canary runs',
      );
    } finally {
      await server?.teardown();
    }

    const late = await runAs(runAnalyzeAction, dir.path, {
      ...inputs,
      version: '2.1.0',
      count: '50',
      deadline: '3s',
      'query-timeout': '1s',
      'query-retries': '0',
      'report-path': join(dir.path, 'late.json'),
    });
    expect(late.failed).toBe(true);
    expect(late.outputs.verdict).toBe('inconclusive');
    expect(late.outputs.reasons).toMatch(/^analysis deadline of 3s passed after [12] of 50 measurements/);
  }, 90_000);
});
