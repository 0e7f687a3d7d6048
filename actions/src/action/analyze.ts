import { writeFile } from 'node:fs/promises';
import * as core from '@actions/core';
import { renderMarkdown } from '../core/analysis/report.js';
import { InputError } from '../core/errors.js';
import { ANALYZE_OPTIONS, analyzeRequestOf, runAnalysis } from '../options/analyze.js';
import { prometheusOf } from '../options/prometheus.js';
import { textOf } from '../options/table.js';
import { readInputs, runAction, setOutputs } from './io.js';

/**
 * Inputs: see ANALYZE_OPTIONS (actions/analyze/action.yml); temporal-address turns on the Temporal-native
 * workflow-task check.
 * Outputs: verdict, reasons (one line), report (JSON file path). The step fails on `fail` and `inconclusive`
 * after setting the outputs, so the workflow can roll back on `fail` and never promotes without `pass`.
 */
export async function runAnalyzeAction(): Promise<void> {
  await runAction(async () => {
    const values = readInputs(ANALYZE_OPTIONS);
    const prometheus = prometheusOf(values);
    if (!prometheus)
      throw new InputError('prometheus-url', 'is required', 'pass the Prometheus base URL (a secret)');
    // rollout.yaml is read once: the analysis section, and the queue templates a version becomes queues by.
    const { source } = await analyzeRequestOf(values);
    if (source.baseline === undefined)
      throw new InputError(
        'baseline',
        'is required',
        'pass the stable version’s task queues, or its version as ⟨baseline-version⟩ (the canary step outputs it as stable)',
      );
    const { report } = await runAnalysis(values, source, prometheus, {
      onTick: (tick, j, count) =>
        core.info(
          `[${tick}/${count}] ${j.checks.map((c) => `${c.name}=${c.measurements.at(-1)?.phase ?? '-'}`).join(' ')}`,
        ),
    });
    const reportPath = textOf(values, 'report') ?? 'analysis-report.json';
    await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    setOutputs({
      verdict: report.verdict,
      reasons: report.reasons.join('; '),
      report: reportPath,
      'failed-sources': report.failedSources.join(','),
    });
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderMarkdown(report)).write();
    if (report.verdict === 'fail') core.setFailed(`canary analysis failed: ${report.reasons.join('; ')}`);
    else if (report.verdict === 'inconclusive')
      core.setFailed(`canary analysis inconclusive (no promotion): ${report.reasons.join('; ')}`);
  }, ANALYZE_OPTIONS);
}
