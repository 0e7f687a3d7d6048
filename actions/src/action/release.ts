// The release action: hand the release to the rollout workflow (start or attach), run the rollout worker here
// while attached, stream the rollout into the log, record it as a GitHub deployment, and write the job
// summary. Outputs and failure follow how the job left the rollout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { ROLLOUT_TASK_QUEUE } from '../controller/api.js';
import { attachRelease } from '../controller/attach.js';
import { jobEndOf } from '../controller/attach-verdict.js';
import { InputError } from '../core/errors.js';
import { prometheusOf } from '../options/prometheus.js';
import { RELEASE_OPTIONS, releaseAskedOf } from '../options/release.js';
import { bundleWorkflowsAt, openRolloutSession } from '../steps/rollout-session.js';
import { requester, runUrl } from './github-context.js';
import { optionalInput, setOutputs, writeSummary } from './io.js';
import { ReleaseDeployment } from './release-deployment.js';
import { renderReleaseSummary } from './release-summary.js';
import { rolloutInputs, runRolloutAction } from './rollout.js';

/**
 * Inputs: see RELEASE_OPTIONS and the shared rollout inputs (actions/release/action.yml); environment and
 * github-token record the release as a GitHub deployment.
 * Outputs: outcome, workflow-id, phase, stable, canary, weight, status (JSON).
 */
export async function runReleaseAction(): Promise<void> {
  await runRolloutAction(RELEASE_OPTIONS, async (values) => {
    const asked = releaseAskedOf(values);
    const { options, github } = await rolloutInputs(values);
    const request = asked.requestFor(options, requester());
    const prometheus = prometheusOf(values);
    const taskQueue = asked.taskQueue ?? ROLLOUT_TASK_QUEUE;
    const logUrl = runUrl();
    const deployment = new ReleaseDeployment(github, {
      ref: process.env.GITHUB_SHA ?? 'HEAD',
      environment: optionalInput('environment') ?? 'production',
      version: request.version,
      ...(logUrl ? { logUrl } : {}),
    });
    const { version, replayDeploy } = request;
    if (replayDeploy) core.info(`replay gate: ${replayDeploy} (it chooses the release's task queue)`);

    const session = await openRolloutSession(options, {
      taskQueue,
      ...(prometheus ? { prometheus } : {}),
      ...(await toolkitWorkflowBundle()),
    });
    let result: Awaited<ReturnType<typeof attachRelease>>;
    try {
      await deployment.record('in_progress', `release ${version} handed to rollout/${options.config.app}`);
      result = await attachRelease({
        client: session.client,
        namespace: session.namespace,
        taskQueue,
        ...(asked.maxWaitMs ? { maxWaitMs: asked.maxWaitMs } : {}),
        startWorker: (identity) => session.startWorker(identity),
        log: (line) => core.info(line),
        request,
      });
    } finally {
      await session.close();
    }
    const { status, end, message } = result;
    const outcome = end.kind === 'outcome' ? end.outcome : undefined;
    if (status) await deployment.follow(status, outcome);
    setOutputs({
      outcome: outcome?.result ?? end.kind,
      'workflow-id': status?.workflowId ?? `rollout/${options.config.app}`,
      phase: status?.phase ?? '',
      stable: status?.stable ?? '',
      canary: status?.canary?.version ?? '',
      weight: status?.canary?.weight ?? 0,
      status: JSON.stringify(status ?? {}),
    });
    await writeSummary((summary) =>
      summary.addRaw(
        renderReleaseSummary({
          version,
          status,
          outcome,
          message,
          ...(replayDeploy ? { replay: replayDeploy } : {}),
          deployments: deployment.recorded,
        }),
        true,
      ),
    );
    const report = { error: core.setFailed, warning: core.warning, notice: core.notice, info: core.info };
    report[jobEndOf(end).level](message);
  });
}

/**
 * The rollout workflow's code for the worker. The bundled action (actions/dist/release.js in a checkout of the
 * toolkit) has it beside it as one module (actions/dist/rollout-workflows.js, `npm run bundle`), which the SDK
 * bundles with the toolkit's @temporalio/workflow; run from source, the worker bundles the sources itself.
 */
async function toolkitWorkflowBundle(): Promise<{ workflowBundle?: { code: string } }> {
  const entry = process.argv[1];
  if (!entry) return {};
  if (!entry.includes(join('actions', 'dist'))) return {};
  const module = join(dirname(entry), 'rollout-workflows.js');
  if (!existsSync(module)) {
    throw new InputError(
      module,
      'is missing from the toolkit checkout: the rollout worker has no workflow code to run',
      'check out a toolkit ref whose actions/dist was built by `npm run bundle` (a release tag is)',
    );
  }
  return { workflowBundle: await bundleWorkflowsAt(module) };
}
