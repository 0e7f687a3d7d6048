import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse, stringify } from 'yaml';
import { tempDir } from '../support/temp.js';
import { tool } from '../support/tools.js';

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
