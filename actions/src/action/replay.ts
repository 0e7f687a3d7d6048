import * as core from '@actions/core';
import { loadStep } from '../adapters/step-loader.js';
import { InputError } from '../core/errors.js';
import { failureLine, renderMarkdown } from '../core/replay/render.js';
import { inputSecrets, REPLAY_OPTIONS, replayOptionsOf } from '../options/histories.js';
import { type OptionValues, textOf } from '../options/table.js';
import type { ReplayResult } from '../steps/replay.js';
import type { ReplayOptions } from '../steps/replay-options.js';
import { githubFromInputs, pullRequestNumber } from './github-context.js';
import { readInputs, runAction, setOutputs, writeSummary } from './io.js';

/**
 * Inputs: see REPLAY_OPTIONS (actions/replay/action.yml), and github-token to comment on the pull request.
 * Outputs: total, passed, failed, report, compatible, deploy (same-queue | new-queue), sdk-version.
 * Each failure is an error annotation on its history file; the job summary holds the table and patch audit.
 */
export async function runReplayAction(): Promise<void> {
  await runAction(async () => {
    const options = replayInputs(readInputs(REPLAY_OPTIONS));
    // The step (and the Temporal client it loads) only after every input was read and checked.
    const { replay } = await loadStep(() => import('../steps/replay.js'));
    const report = await replay(options);
    annotateAndOutput(report);
    await publish(report);
    if (!report.passed)
      core.setFailed(
        `${report.totals.failed} of ${report.totals.total} histories do not replay on the new code (report: ${report.reportPath})`,
      );
  }, REPLAY_OPTIONS);
}

/** The step's options from the inputs, every input checked before anything runs. */
function replayInputs(values: OptionValues): ReplayOptions {
  const secrets = inputSecrets(values);
  if (
    !textOf(values, 'temporal-address') &&
    (secrets.apiKey || secrets.tls.cert || textOf(values, 'live-query'))
  )
    throw new InputError(
      'temporal-address',
      'is required for a live source',
      'set it or drop the live inputs',
    );
  return replayOptionsOf(values, secrets);
}

/**
 * An error annotation per failed history (on its file), a warning per compatibility warning, a log line per skipped
 * live run with its reason, the outputs.
 */
function annotateAndOutput(report: ReplayResult): void {
  for (const o of report.outcomes) {
    if (!o.failure) continue;
    const properties = o.origin === 'file' ? { file: o.source, title: `Replay: ${o.failure.kind}` } : {};
    core.error(failureLine(o), properties);
  }
  for (const warning of report.compatibility.warnings) core.warning(warning);
  for (const run of report.skipped) core.info(`skipped ${run.source} (${run.workflowType}): ${run.reason}`);
  setOutputs({
    total: report.totals.total,
    passed: report.totals.passed,
    failed: report.totals.failed,
    report: report.reportPath ?? undefined,
    compatible: report.compatibility.compatible,
    deploy: report.compatibility.deploy,
    'sdk-version': report.sdk.version,
  });
}

/** The same Markdown to the job summary and, on a pull request with a token, to one comment a re-run edits. */
async function publish(report: ReplayResult): Promise<void> {
  const markdown = renderMarkdown(report);
  await writeSummary((summary) => summary.addRaw(markdown));
  const github = await githubFromInputs();
  const pull = pullRequestNumber();
  if (github && pull !== undefined) {
    const comment = await github.upsertPullRequestComment(pull, 'temporal-rollout:replay', markdown);
    core.info(`${comment.created ? 'commented on' : 'updated the comment on'} pull request #${pull}`);
  }
}
