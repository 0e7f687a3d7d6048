// A canary with a non-deterministic change meets open runs: real dev server, the released worker leaves orders
// waiting for approval, a canary worker running a changed workflow bundle takes over their queue, the approvals
// make it replay their histories, and the analysis fails on the NonDeterminismError counter before its window
// ends. The canary is told apart by Prometheus' `instance` label (the selector label is configurable).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, resolveAnalysisSpec } from '../../actions/src/steps/analyze.js';
import { makeOrder } from '../../worker/test/support/orders.js';
import {
  ensureWorkerBuilt,
  startWorkerProcess,
  type WorkerProcess,
} from '../../worker/test/support/worker-process.js';
import { type PrometheusServer, startPrometheus } from '../support/prometheus.js';
import { type TempDir, tempDir } from '../support/temp.js';
import { startTemporal, type TemporalDevServer } from '../support/temporal.js';

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

  it('fails fast on NonDeterminismError workflow-task failures', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./analyze-nde-workflows.ts', import.meta.url)),
      ignoreModules: [],
    });
    const bundlePath = join(dir.path, 'changed-workflows.js');
    await writeFile(bundlePath, code);

    stable = await startWorkerProcess(
      { TEMPORAL_ADDRESS: server.address, ...QUEUES, LOG_LEVEL: 'WARN' },
      'stable',
    );
    const handles = await Promise.all(
      Array.from({ length: OPEN_RUNS }, async () => {
        const order = makeOrder({ amountCents: 500_000 });
        return server.env.client.workflow.start('OrderWorkflow', {
          workflowId: order.orderId,
          taskQueue: QUEUES.ORDER_TASK_QUEUE,
          args: [order],
        });
      }),
    );
    for (const h of handles) {
      for (let i = 0; i < 150; i++) {
        const status = (await h.query('status').catch(() => undefined)) as { stage?: string } | undefined;
        if (status?.stage === 'AWAITING_APPROVAL') break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
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
    const analysis = analyze({ prometheus: { url: prometheus.url }, spec });
    const approvedAt = Date.now();
    await Promise.all(handles.map((h) => h.signal('approve', { approver: 'ops' })));
    const report = await analysis;
    const seconds = (Date.now() - approvedAt) / 1000;

    expect(report.verdict).toBe('fail');
    expect(report.endedEarly).toBe(true);
    expect(report.reasons[0]).toMatch(
      /^non-determinism: hard failure \(fail-fast\): canary [1-9]\d* > max 0$/,
    );
    expect(report.selectors.canary).toBe(`instance="${canaryInstance}"`);
    // Well before the 40 s window: sticky-queue timeout + one scrape + one interval.
    expect(seconds).toBeLessThan(30);
    const metrics = await (await fetch(canary.metricsUrl)).text();
    expect(metrics).toMatch(
      /temporal_workflow_task_execution_failed\{[^}]*failure_reason="NonDeterminismError"/,
    );
  });
});
