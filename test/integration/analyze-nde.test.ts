// A canary with a non-deterministic change meets open runs: real dev server, the released worker leaves orders
// waiting for approval, a canary worker running a changed workflow bundle takes over their queue, the approvals
// make it replay their histories. Two analyses watch it at once: the step with Prometheus only fails on the
// NonDeterminismError counter before its window ends; the CLI with --temporal-address fails on Temporal's own
// view (the runs' workflow tasks failing and retried), naming Temporal as the source. The canary is told apart
// by Prometheus' `instance` label (the selector label is configurable), its runs by their task queue.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main as analyzeCli } from '../../actions/src/cli/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { analyze, measureWorkflowTasks, resolveAnalysisSpec } from '../../actions/src/steps/analyze.js';
import {
  ensureWorkerBuilt,
  startWorkerProcess,
  type WorkerProcess,
} from '../../scripts/local-platform/order-worker.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import { startTemporal, type TemporalDevServer } from '../../scripts/local-platform/temporal.js';
import { changedWorkflowBundle, ordersAwaitingApproval } from '../support/non-deterministic-canary.js';

const RUN = Date.now().toString(36);
const QUEUES = { ORDER_TASK_QUEUE: `order-nde-${RUN}`, PAYMENT_TASK_QUEUE: `payment-nde-${RUN}` };
const OPEN_RUNS = 4;

describe('analyze: non-deterministic canary meeting open runs', () => {
  let server: TemporalDevServer;
  let dir: TempDir;
  let stable: WorkerProcess | undefined;
  let canary: WorkerProcess | undefined;
  let prometheus: PrometheusServer | undefined;

  beforeAll(async () => {
    await ensureWorkerBuilt();
    dir = await tempDir('analyze-nde');
    server = await startTemporal();
  });
  afterAll(async () => {
    await canary?.process.stop();
    await stable?.process.stop();
    await prometheus?.stop();
    await server?.teardown();
    await dir?.remove();
  });

  it('fails fast on NonDeterminismError workflow-task failures, from Prometheus and from Temporal', async () => {
    const bundlePath = await changedWorkflowBundle(dir.path);
    stable = await startWorkerProcess(
      { TEMPORAL_ADDRESS: server.address, ...QUEUES, LOG_LEVEL: 'WARN' },
      'stable',
    );
    const handles = await ordersAwaitingApproval(server.env.client, QUEUES.ORDER_TASK_QUEUE, OPEN_RUNS);
    const stableInstance = new URL(stable.metricsUrl).host;
    await stable.process.stop();

    canary = await startWorkerProcess(
      { TEMPORAL_ADDRESS: server.address, ...QUEUES, LOG_LEVEL: 'WARN', WORKFLOW_BUNDLE_PATH: bundlePath },
      'canary',
    );
    const canaryInstance = new URL(canary.metricsUrl).host;
    prometheus = await startPrometheus([{ address: canaryInstance }], { scrapeIntervalSeconds: 1 });
    const configPath = join(dir.path, 'rollout.yaml');
    await writeFile(
      configPath,
      JSON.stringify({ analysis: { interval: '2s', count: 20, builtins: ['non-determinism'] } }),
    );
    const spec = await resolveAnalysisSpec({
      configPath,
      label: 'instance',
      canary: canaryInstance,
      baseline: stableInstance,
    });
    const analysis = analyze({ prometheus: { url: prometheus.url }, spec }).then((report) => ({
      report,
      at: Date.now(),
    }));
    const cliReportPath = join(dir.path, 'temporal-report.json');
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
    const quietErr = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cli = analyzeCli([
      '--prometheus-url',
      prometheus.url,
      '--config',
      configPath,
      '--label',
      'instance',
      '--canary',
      canaryInstance,
      '--baseline',
      stableInstance,
      '--temporal-address',
      server.address,
      '--temporal-runs',
      `TaskQueue="${QUEUES.ORDER_TASK_QUEUE}"`,
      '--report',
      cliReportPath,
    ]).then((code) => ({ code, at: Date.now() }));
    const approvedAt = Date.now();
    await Promise.all(handles.map((h) => h.signal('approve', { approver: 'ops' })));
    const [{ report, at: prometheusAt }, { code: exitCode, at: temporalAt }] = await Promise.all([
      analysis,
      cli,
    ]);
    quiet.mockRestore();
    quietErr.mockRestore();
    const seconds = (prometheusAt - approvedAt) / 1000;
    // Both times, for the record (the bench, scripts/bench/time-to-detect.ts, measures them properly).
    console.log(
      `approval → fail: Temporal ${((temporalAt - approvedAt) / 1000).toFixed(1)} s, Prometheus ${seconds.toFixed(1)} s`,
    );

    expect(exitCode).toBe(1);
    const viaTemporal = JSON.parse(await readFile(cliReportPath, 'utf8')) as AnalysisReport;
    expect(viaTemporal.verdict).toBe('fail');
    expect(viaTemporal.failedSources).toContain('temporal');
    expect(viaTemporal.temporalRuns).toBe(
      `(TaskQueue="${QUEUES.ORDER_TASK_QUEUE}") AND ExecutionStatus="Running"`,
    );
    const tasks = viaTemporal.checks.find((c) => c.name === 'workflow-task-failures')!;
    expect(tasks).toMatchObject({ source: 'temporal', phase: 'Failed', failFast: true });
    expect(tasks.measurements.at(-1)!.message).toMatch(
      /^Temporal: [1-4] canary runs? with a failing workflow task: .*\(OrderWorkflow, attempt \d+, NON_DETERMINISTIC_ERROR: .*TMPRL1100/,
    );
    expect(viaTemporal.reasons.join('\n')).toMatch(
      /^workflow-task-failures: hard failure \(fail-fast\): Temporal:/m,
    );

    expect(report.verdict).toBe('fail');
    // Fail-fast, before the 20 measurements (40 s): sticky-queue timeout + one scrape + one interval, ~6 s quiet.
    expect(report.endedEarly).toBe(true);
    expect(report.reasons[0]).toMatch(
      /^non-determinism: hard failure \(fail-fast\): canary [1-9]\d* > max 0$/,
    );
    expect(report.selectors.canary).toBe(`instance="${canaryInstance}"`);
    expect(report.failedSources).toEqual(['prometheus']);
    // A Temporal that does not answer in time is an Error measurement, not a hang.
    const late = await measureWorkflowTasks(server.env.client, 'TaskQueue="any"', 10, 1);
    expect(late).toMatchObject({ phase: 'Error' });
    expect(late.message).toMatch(
      /^Temporal: listing runs \(TaskQueue="any"\) failed: .+ \(no answer within 1 ms\)$/,
    );
    const metrics = await (await fetch(canary.metricsUrl)).text();
    expect(metrics).toMatch(
      /temporal_workflow_task_execution_failed\{[^}]*failure_reason="NonDeterminismError"/,
    );
  });
});
