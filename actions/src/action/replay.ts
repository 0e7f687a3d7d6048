import * as core from '@actions/core';
import { parseCodecKey } from '../adapters/history-codec.js';
import { loadStep } from '../adapters/step-loader.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { failureLine, renderMarkdown } from '../core/replay/render.js';
import type { ReplayOptions, ReplayResult } from '../steps/replay.js';
import { githubFromInputs, pullRequestNumber } from './github-context.js';
import {
  booleanInput,
  integerInput,
  listInput,
  optionalInput,
  runAction,
  secretInput,
  setOutputs,
  writeSummary,
} from './io.js';

/**
 * Inputs: histories (globs, one per line), workflows-path or bundle-path, workspace (default "."), temporal-address,
 * temporal-namespace, temporal-tls-cert / -key / -ca (PEM contents, secrets), temporal-tls-server-name,
 * temporal-api-key (secret), live-query, live-limit, codec-key (secret), allow-replay-errors, concurrency,
 * history-timeout, report-path.
 * Outputs: total, passed, failed, report, compatible, deploy (same-queue | new-queue), sdk-version.
 * Each failure is an error annotation on its history file; the job summary holds the table and patch audit.
 */
export async function runReplayAction(): Promise<void> {
  await runAction(async () => {
    const options = replayInputs();
    // The step (and the Temporal client it loads) only after every input was read and checked.
    const { replay } = await loadStep(() => import('../steps/replay.js'));
    const report = await replay(options);
    annotateAndOutput(report);
    await publish(report);
    if (!report.passed)
      core.setFailed(
        `${report.totals.failed} of ${report.totals.total} histories do not replay on the new code (report: ${report.reportPath})`,
      );
  });
}

/** The step's options from the inputs, every input checked before anything runs. */
function replayInputs(): ReplayOptions {
  const address = optionalInput('temporal-address');
  const apiKey = secretInput('temporal-api-key');
  const cert = secretInput('temporal-tls-cert');
  const key = secretInput('temporal-tls-key');
  const ca = optionalInput('temporal-tls-ca');
  const serverName = optionalInput('temporal-tls-server-name');
  const codecKey = secretInput('codec-key');
  if (!address && (apiKey || cert || optionalInput('live-query')))
    throw new InputError(
      'input "temporal-address"',
      'is required for a live source',
      'set it or drop the live inputs',
    );
  const concurrency = optionalInput('concurrency') ? integerInput('concurrency', 1, { min: 1 }) : undefined;
  const options: ReplayOptions = {
    workspace: optionalInput('workspace') ?? '.',
    histories: listInput('histories'),
    workflowsPath: optionalInput('workflows-path'),
    bundlePath: optionalInput('bundle-path'),
    live: address
      ? {
          address,
          namespace: optionalInput('temporal-namespace') ?? 'default',
          ...(optionalInput('live-query') ? { query: optionalInput('live-query') } : {}),
          limit: integerInput('live-limit', 100, { min: 1 }),
          ...(cert || ca || serverName ? { tls: { cert, key, ca, serverName } } : {}),
          ...(apiKey ? { apiKey } : {}),
        }
      : undefined,
    codecKey: codecKey ? parseCodecKey(codecKey, 'input "codec-key"') : undefined,
    allowReplayErrors: booleanInput('allow-replay-errors', false),
    concurrency,
    historyTimeoutMs: parseDuration(optionalInput('history-timeout') ?? '60s', 'input "history-timeout"'),
    reportPath: optionalInput('report-path') ?? 'replay-report.json',
  };
  if (options.histories.length === 0 && !options.live)
    throw new InputError('input "histories"', 'is empty and no live source is set', 'give history globs');
  return options;
}

/** An error annotation per failed history (on its file), a warning per compatibility warning, the outputs. */
function annotateAndOutput(report: ReplayResult): void {
  for (const o of report.outcomes) {
    if (!o.failure) continue;
    const properties = o.origin === 'file' ? { file: o.source, title: `Replay: ${o.failure.kind}` } : {};
    core.error(failureLine(o), properties);
  }
  for (const warning of report.compatibility.warnings) core.warning(warning);
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
