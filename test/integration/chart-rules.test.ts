import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse, stringify } from 'yaml';
import { tempDir } from '../../scripts/local-platform/temp.js';
import { tool } from '../../scripts/local-platform/tools.js';

const CHART = fileURLToPath(new URL('../../charts/order-worker', import.meta.url));
const RULE_TESTS = join(CHART, 'tests', 'alerts.test.yaml');

/** The PrometheusRule as helm renders it, as a Prometheus rule file, next to a copy of the promtool tests. */
async function renderRules(extraArgs: string[] = []): Promise<{ rules: string; tests: string }> {
  const dir = await tempDir('chart-rules');
  onTestFinished(() => dir.remove());
  const { stdout } = await execa(tool('helm'), [
    'template',
    'order-worker',
    CHART,
    '--set-string',
    'image.tag=1.0.0',
    '--show-only',
    'templates/prometheusrule.yaml',
    ...extraArgs,
  ]);
  const rule = parse(stdout) as { kind: string; spec: { groups: unknown[] } };
  expect(rule.kind).toBe('PrometheusRule');
  const rules = join(dir.path, 'rules.yaml');
  await writeFile(rules, stringify({ groups: rule.spec.groups }));
  const tests = join(dir.path, 'alerts.test.yaml');
  await copyFile(RULE_TESTS, tests);
  return { rules, tests };
}

describe('runbook alerts (PrometheusRule)', () => {
  it('are valid Prometheus rules', async () => {
    const { rules } = await renderRules();
    const result = await execa(tool('promtool'), ['check', 'rules', rules], { reject: false });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/SUCCESS: 6 rules found/);
  });

  it('fire and stay quiet as the promtool tests expect', async () => {
    const { tests } = await renderRules();
    const result = await execa(tool('promtool'), ['test', 'rules', tests], { reject: false });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/SUCCESS/);
  });

  it('the promtool tests catch a threshold that drifted from the runbook', async () => {
    const { tests } = await renderRules([
      '--set',
      'monitoring.prometheusRule.paymentRetries.threshold=20,monitoring.prometheusRule.backlog.threshold=2000',
    ]);
    const result = await execa(tool('promtool'), ['test', 'rules', tests], { reject: false });
    expect(result.exitCode).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/alertname: OrderPaymentActivityRetries/);
    expect(output).toMatch(/alertname: OrderTaskQueueBacklogHigh/);
    expect(output).not.toMatch(/alertname: OrderWorkflowCancellationsHigh/);
  });
});

interface RenderedConfigMap {
  metadata?: { name?: string; labels: Record<string, string> };
  data: Record<string, string>;
}

describe('Grafana dashboard', () => {
  it('every panel query is valid PromQL (checked by promtool as recording rules)', async () => {
    const dashboard = JSON.parse(await readFile(join(CHART, 'dashboards', 'order-worker.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(8);
    const dir = await tempDir('chart-dashboard');
    onTestFinished(() => dir.remove());
    const rules = join(dir.path, 'dashboard-rules.yaml');
    await writeFile(
      rules,
      stringify({
        groups: [
          {
            name: 'dashboard',
            // Grafana fills $task_queue; any regex stands in for it here.
            rules: exprs.map((expr, i) => ({
              record: `dashboard:query_${i}`,
              expr: expr.replaceAll('$task_queue', '.*'),
            })),
          },
        ],
      }),
    );
    const result = await execa(tool('promtool'), ['check', 'rules', rules], { reject: false });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`SUCCESS: ${exprs.length} rules found`);
  });

  it('ships in a ConfigMap for the Grafana sidecar, on the stable release only', async () => {
    const render = (track: string) =>
      execa(tool('helm'), [
        'template',
        track === 'stable' ? 'order-worker' : 'order-worker-canary',
        CHART,
        '--set-string',
        `image.tag=1.0.0,track=${track}`,
        '--set',
        'monitoring.dashboard.enabled=true',
      ]);
    const docs = (await render('stable')).stdout
      .split(/^---$/m)
      .map((doc) => parse(doc) as RenderedConfigMap | null);
    const configMap = docs.find((doc) => doc?.metadata?.name === 'order-worker-dashboard');
    expect(configMap?.metadata?.labels.grafana_dashboard).toBe('1');
    const shipped = JSON.parse(configMap?.data['order-worker.json'] ?? 'null');
    expect(shipped).toEqual(
      JSON.parse(await readFile(join(CHART, 'dashboards', 'order-worker.json'), 'utf8')),
    );
    expect((await render('canary')).stdout).not.toContain('order-worker-canary-dashboard');
  });
});
