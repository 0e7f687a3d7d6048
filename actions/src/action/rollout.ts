// Actions glue shared by the canary, promote, rollback and release actions: inputs → rollout options, result →
// outputs and job summary.
import * as core from '@actions/core';
import type { GitHubApi } from '../adapters/github.js';
import { describeDrain } from '../core/rollout/drain.js';
import type { RolloutOverrides } from '../core/rollout-overrides.js';
import { sleep } from '../core/sleep.js';
import { resultHeadline, resultRows } from '../options/render.js';
import { ROLLOUT_OPTIONS, rolloutSetup } from '../options/rollout.js';
import type { OptionTable, OptionValues } from '../options/table.js';
import type { StepResult } from '../steps/rollout.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import type { Routed } from '../steps/rollout-route.js';
import { deploymentEnvironment, githubFromInputs, recordDeployment } from './github-context.js';
import { readInputs, runAction, setOutputs, writeSummary } from './io.js';

/** A rollout action's inputs: its own, then the shared ones (see actions/<step>/action.yml). */
export function rolloutTable(own: OptionTable = []): OptionTable {
  return [...own, ...ROLLOUT_OPTIONS];
}

/** Runs a rollout action: its errors name the inputs of `own` and the shared rollout inputs. */
export function runRolloutAction(own: OptionTable, body: (values: OptionValues) => Promise<void>) {
  const table = rolloutTable(own);
  return runAction(() => body(readInputs(table)), table);
}

/**
 * The shared rollout inputs, all checked before anything loads the Temporal client or connects; the GitHub API
 * when `github-token` is set.
 */
export async function rolloutInputs(
  values: OptionValues,
): Promise<{ options: OpenRolloutOptions; overrides: RolloutOverrides; github?: GitHubApi }> {
  const apiKey = typeof values['temporal-api-key'] === 'string' ? values['temporal-api-key'] : undefined;
  const { options, overrides } = await rolloutSetup(values, {
    ...(apiKey ? { apiKey } : {}),
    log: (line) => core.info(line),
  });
  const github = await githubFromInputs();
  return {
    options: overrides.deployer ? { ...options, deployer: overrides.deployer } : options,
    overrides,
    ...(github ? { github } : {}),
  };
}

/**
 * Outputs: outcome (done | unchanged | waiting), stable, canary, weight, phase, routing (JSON), queue and
 * queue-rule (canary: where the new release polls and which rule chose it), result (JSON).
 * A drain still waiting fails the step after the outputs are set: the job must be re-run to finish, and
 * nothing after it may assume the rollout moved on.
 */
export async function reportResult(result: StepResult, github?: GitHubApi): Promise<void> {
  setOutputs({
    outcome: result.outcome,
    stable: result.stable ?? '',
    canary: result.canary?.version ?? '',
    weight: result.canary?.weight ?? 0,
    phase: result.phase,
    routing: JSON.stringify(result.routing ?? result.versioning ?? {}),
    queue: result.queue?.orderQueue ?? '',
    'queue-rule': result.queue?.rule ?? '',
    result: JSON.stringify(result),
  });
  if (github) await recordOnGitHub(github, result);
  core.info(resultHeadline(result));
  for (const action of result.actions) core.info(`  - ${action}`);
  await writeSummary((summary) => {
    summary
      .addHeading(`${result.step}: ${result.outcome}`, 3)
      .addRaw(`<p>${escapeHtml(result.message)}</p>`, true);
    const rows = resultRows(result);
    summary.addTable([
      [
        { data: 'what', header: true },
        { data: 'value', header: true },
      ],
      ...rows.map((r) => r.map(escapeHtml)),
    ]);
    if (result.actions.length > 0) summary.addList(result.actions.map(escapeHtml));
    return summary;
  });
  if (result.outcome === 'waiting') {
    core.setFailed(`${result.message}${result.drain ? ` (${describeDrain(result.drain)})` : ''}`);
  }
}

/**
 * A routed request: the step's result as above, or — when the rollout workflow took it as an Update — its
 * answer: outputs outcome (accepted), phase, workflow-id, and a summary that says the workflow carries it out.
 */
export async function reportRouted(routed: Routed, app: string, github?: GitHubApi): Promise<void> {
  if (routed.via === 'step') return reportResult(routed.result, github);
  const { answer } = routed;
  const workflowId = `rollout/${app}`;
  setOutputs({
    outcome: 'accepted',
    phase: answer.phase,
    'workflow-id': workflowId,
    result: JSON.stringify(answer),
  });
  core.info(`${workflowId} accepted: ${answer.message} (phase ${answer.phase})`);
  await writeSummary((summary) =>
    summary
      .addHeading(`${workflowId}: accepted`, 3)
      .addRaw(`<p>${escapeHtml(answer.message)}</p>`, true)
      .addRaw(
        `<p>Phase ${escapeHtml(answer.phase)}${answer.version ? `, release ${escapeHtml(answer.version)}` : ''}. The rollout workflow carries it out; the release job, or its <code>status</code> Query, shows how far it got.</p>`,
        true,
      ),
  );
}

/** Tries to record a deployment this many times before it warns; the deploy itself already happened. */
export const RECORD_ATTEMPTS = 3;

/**
 * The deploy's result stands whatever GitHub says: recording it is retried, and a record that still fails
 * becomes a warning naming what is missing, never a failed step (the canary is live either way).
 */
async function recordOnGitHub(github: GitHubApi, result: StepResult, pauseMs = 1_000): Promise<void> {
  const record = {
    step: result.step,
    outcome: result.outcome,
    message: result.message,
    version: result.canary?.version ?? result.stable,
  };
  let last: unknown;
  for (let attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
    try {
      const id = await recordDeployment(github, record);
      core.info(`recorded as GitHub deployment ${id}`);
      return;
    } catch (err) {
      last = err;
      if (attempt < RECORD_ATTEMPTS) await sleep(pauseMs * attempt);
    }
  }
  core.warning(
    `${result.step} ${result.outcome}: ${result.message} — but the GitHub deployment record for environment "${deploymentEnvironment(record)}"${record.version ? ` (${record.version})` : ''} is missing: ${RECORD_ATTEMPTS} attempts failed (${(last as Error).message}). The rollout itself is unaffected; re-run the step to record it.`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}
