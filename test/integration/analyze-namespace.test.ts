// The analyze CLI's Temporal namespace: --namespace, else rollout.yaml's temporal.namespace, else `default`. Seen
// through the Temporal-native check on a real dev server: an open run on the canary's queue exists in `orders`
// only, so the check counts it exactly when the analysis asked that namespace. Prometheus is real and has no
// targets (the Prometheus checks are inconclusive; only the Temporal check's count matters here).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as analyzeCli } from '../../actions/src/cli/analyze.js';
import type { AnalysisReport } from '../../actions/src/core/analysis/report.js';
import { WORKFLOW_TASK_CHECK } from '../../actions/src/core/analysis/workflow-tasks.js';
import { type PrometheusServer, startPrometheus } from '../../scripts/local-platform/prometheus.js';
import { type TempDir, tempDir } from '../../scripts/local-platform/temp.js';
import {
  ORDERS_NAMESPACE,
  startTemporal,
  type TemporalDevServer,
} from '../../scripts/local-platform/temporal.js';

const CANARY_QUEUE = `ns-canary-${Date.now().toString(36)}`;
const ANALYSIS = [
  'analysis:',
  '  interval: 2s',
  '  count: 2',
  '  builtins: [non-determinism]',
  '  temporal: { interval: 500ms }',
];
const rolloutYaml = (namespace?: string) =>
  [
    'app: order-worker',
    'image: local',
    ...(namespace ? [`temporal: { namespace: ${namespace} }`] : []),
    'taskQueues:',
    '  order: { base: order-task-queue }',
    ...ANALYSIS,
    '',
  ].join('\n');

describe('analyze CLI: the namespace of the Temporal check', () => {
  let server: TemporalDevServer;
  let prometheus: PrometheusServer;
  let dir: TempDir;

  beforeAll(async () => {
    dir = await tempDir('analyze-namespace');
    server = await startTemporal();
    prometheus = await startPrometheus([]);
    // No worker polls the queue: the run stays open with its first workflow task pending (not a failure).
    const orders = new Client({ connection: server.env.connection, namespace: ORDERS_NAMESPACE });
    await orders.workflow.start('OrderWorkflow', {
      taskQueue: CANARY_QUEUE,
      workflowId: `open-in-orders-${CANARY_QUEUE}`,
      args: [],
    });
  }, 120_000);
  afterAll(async () => {
    await prometheus?.stop();
    await server?.teardown();
    await dir?.remove();
  });

  /** Runs the CLI on `yaml` with `flags`; the Temporal check's last message. */
  const canaryRunsSeen = async (name: string, yaml: string, flags: string[] = []): Promise<string> => {
    const config = join(dir.path, `${name}.yaml`);
    const reportFile = join(dir.path, `${name}-report.json`);
    await writeFile(config, yaml);
    const code = await analyzeCli([
      '--prometheus-url',
      prometheus.url,
      '--config',
      config,
      '--canary',
      CANARY_QUEUE,
      '--baseline',
      'ns-stable',
      '--temporal-address',
      server.address,
      '--report',
      reportFile,
      ...flags,
    ]);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as AnalysisReport;
    // No Prometheus data behind the checks: never a pass.
    expect(code, JSON.stringify(report.reasons)).toBe(3);
    const check = report.checks.find((c) => c.name === WORKFLOW_TASK_CHECK);
    const message = check?.measurements.at(-1)?.message;
    expect(message, JSON.stringify(check)).toBeDefined();
    return message ?? '';
  };

  it('takes rollout.yaml’s temporal.namespace when --namespace is not given', async () => {
    expect(await canaryRunsSeen('orders', rolloutYaml(ORDERS_NAMESPACE))).toBe(
      'Temporal: no failing workflow task in 1 open canary run',
    );
  }, 120_000);

  it('lets --namespace override it', async () => {
    expect(await canaryRunsSeen('override', rolloutYaml(ORDERS_NAMESPACE), ['--namespace', 'default'])).toBe(
      'Temporal: no failing workflow task in 0 open canary runs',
    );
  }, 120_000);

  it('uses default when rollout.yaml names none, or the file holds only an analysis section', async () => {
    expect(await canaryRunsSeen('unnamed', rolloutYaml())).toBe(
      'Temporal: no failing workflow task in 0 open canary runs',
    );
    expect(await canaryRunsSeen('only-analysis', `${ANALYSIS.join('\n')}\n`)).toBe(
      'Temporal: no failing workflow task in 0 open canary runs',
    );
    expect(
      await canaryRunsSeen('only-analysis-flag', `${ANALYSIS.join('\n')}\n`, [
        '--namespace',
        ORDERS_NAMESPACE,
      ]),
    ).toBe('Temporal: no failing workflow task in 1 open canary run');
  }, 180_000);
});
