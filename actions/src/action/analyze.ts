import { writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import type { PrometheusAuth } from '../adapters/prometheus.js';
import { loadRolloutConfig } from '../adapters/rollout-file.js';
import { loadStep } from '../adapters/step-loader.js';
import { renderMarkdown } from '../core/analysis/report.js';
import { InputError } from '../core/errors.js';
import { queueName } from '../core/rollout/queues.js';
import type { RolloutConfig } from '../core/rollout-config.js';
import {
  durationInput,
  integerInput,
  optionalInput,
  requiredInput,
  runAction,
  secretInput,
  setOutputs,
} from './io.js';

/**
 * Inputs: prometheus-url (secret), prometheus-username + prometheus-password or prometheus-token (secrets),
 * config (rollout.yaml), canary / baseline (label values; canary defaults to the order queue of `version`),
 * selector-label, interval, count, report-path.
 * Outputs: verdict, reasons (one line), report (JSON file path). The step fails on `fail` and `inconclusive`
 * after setting the outputs, so the workflow can roll back on `fail` and never promotes without `pass`.
 */
export async function runAnalyzeAction(): Promise<void> {
  await runAction(async () => {
    const url = secretInput('prometheus-url');
    if (!url)
      throw new InputError(
        'input "prometheus-url"',
        'is required',
        'pass the Prometheus base URL (a secret)',
      );
    const token = secretInput('prometheus-token');
    const username = optionalInput('prometheus-username');
    const password = secretInput('prometheus-password');
    let auth: PrometheusAuth | undefined;
    if (token && (username || password))
      throw new InputError(
        'input "prometheus-token"',
        'is set together with basic auth',
        'use a token or a username and password',
      );
    if (token) auth = { type: 'bearer', token };
    else if (username !== undefined || password !== undefined) {
      if (username === undefined || password === undefined)
        throw new InputError(
          'input "prometheus-username"',
          'and "prometheus-password" go together',
          'set both',
        );
      auth = { type: 'basic', username, password };
    }
    const configPath = optionalInput('config');
    // rollout.yaml is read at most once, and only when a version has to be turned into queue names.
    let config: Promise<RolloutConfig> | undefined;
    const queuesOf = (name: string) => {
      const version = optionalInput(name);
      if (version === undefined || configPath === undefined) return undefined;
      config ??= loadRolloutConfig(configPath);
      return config.then((c) => queuesOfVersion(c, version, name));
    };
    const canary = optionalInput('canary') ?? (await queuesOf('version'));
    const baseline = optionalInput('baseline') ?? (await queuesOf('baseline-version'));
    const interval = durationInput('interval') !== undefined ? optionalInput('interval') : undefined;
    const countValue = optionalInput('count');
    const request = {
      configPath,
      canary,
      baseline:
        baseline ??
        requiredInput(
          'baseline',
          'pass the stable version’s task queues, or its version as baseline-version (the canary step outputs it as stable)',
        ),
      label: optionalInput('selector-label'),
      interval,
      count: countValue === undefined ? undefined : integerInput('count', 1, { min: 1 }),
    };
    const { analyze, resolveAnalysisSpec } = await loadStep(() => import('../steps/analyze.js'));
    const spec = await resolveAnalysisSpec(request);
    const report = await analyze({
      prometheus: { url, auth },
      spec,
      onTick: (tick, j) =>
        core.info(
          `[${tick}/${spec.count}] ${j.checks.map((c) => `${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`,
        ),
    });
    const reportPath = optionalInput('report-path') ?? 'analysis-report.json';
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    setOutputs({ verdict: report.verdict, reasons: report.reasons.join('; '), report: reportPath });
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMarkdown(report)).write();
    if (report.verdict === 'fail') core.setFailed(`canary analysis failed: ${report.reasons.join('; ')}`);
    else if (report.verdict === 'inconclusive')
      core.setFailed(`canary analysis inconclusive (no promotion): ${report.reasons.join('; ')}`);
  });
}

/** The order and payment task queues of `version` (input `name`), from the queue templates in rollout.yaml. */
function queuesOfVersion(config: RolloutConfig, version: string, name: string): string {
  return [config.taskQueues.order, config.taskQueues.payment]
    .filter((q) => q !== undefined)
    .map((q) => queueName(q.template, q.base, version, `input "${name}"`))
    .join(',');
}
