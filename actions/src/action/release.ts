// The release action: hand the release to the rollout workflow (start or attach), run the rollout worker here
// while attached, stream the rollout into the log, record it as a GitHub deployment, and write the job
// summary. Outputs and failure follow how the job left the rollout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import { ROLLOUT_TASK_QUEUE } from '../controller/api.js';
import { attachRelease } from '../controller/attach.js';
import { InputError } from '../core/errors.js';
import { parseReleaseVersion } from '../core/inputs.js';
import { bundleWorkflowsAt, openRolloutSession } from '../steps/rollout-session.js';
import { requester, runUrl } from './github-context.js';
import { durationInput, optionalInput, requiredInput, setOutputs, writeSummary } from './io.js';
import { prometheusInputs } from './prometheus-inputs.js';
import { ReleaseDeployment } from './release-deployment.js';
import { renderReleaseSummary } from './release-summary.js';
import { rolloutInputs, runRolloutAction } from './rollout.js';

const DEFAULT_ATTACH_MS = 5 * 60 * 60_000;

/**
 * Inputs: version (required), image (default rollout.yaml's), deploy (the replay gate's same-queue | new-queue),
 * prometheus-url (+ token or username/password), task-queue, attach-timeout, drain-poll, environment, github-token, and
 * the shared rollout inputs. Outputs: outcome, workflow-id, phase, stable, canary, weight, status (JSON).
 */
export async function runReleaseAction(): Promise<void> {
  await runRolloutAction([], async (values) => {
    const version = parseReleaseVersion(
      requiredInput('version', 'pass the release version, e.g. the build step output'),
      'input "version"',
    );
    const deploy = optionalInput('deploy');
    if (deploy !== undefined && deploy !== 'same-queue' && deploy !== 'new-queue') {
      throw new InputError(
        'input "deploy"',
        `"${deploy}" is not same-queue or new-queue`,
        'pass the replay step’s deploy output',
      );
    }
    const { options, github } = await rolloutInputs(values);
    const prometheus = prometheusInputs();
    const taskQueue = optionalInput('task-queue') ?? ROLLOUT_TASK_QUEUE;
    const attachTimeoutMs = durationInput('attach-timeout') ?? DEFAULT_ATTACH_MS;
    const drainPollMs = durationInput('drain-poll');
    const logUrl = runUrl();
    const deployment = new ReleaseDeployment(github, {
      ref: process.env.GITHUB_SHA ?? 'HEAD',
      environment: optionalInput('environment') ?? 'production',
      version,
      ...(logUrl ? { logUrl } : {}),
    });
    if (deploy) core.info(`replay gate: ${deploy}`);

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
        maxWaitMs: attachTimeoutMs,
        startWorker: (identity) => session.startWorker(identity),
        log: (line) => core.info(line),
        request: {
          config: options.config,
          version,
          image: optionalInput('image') ?? options.config.image,
          requestedBy: requester(),
          ...(options.workerEnv ? { env: options.workerEnv } : {}),
          ...(drainPollMs !== undefined ? { timing: { drainPollMs } } : {}),
        },
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
          ...(deploy ? { replay: deploy } : {}),
          deployments: deployment.recorded,
        }),
        true,
      ),
    );
    const failed =
      (outcome &&
        !['promoted', 'installed', 'unchanged', 'restored', 'superseded'].includes(outcome.result)) ||
      end.kind === 'held' ||
      end.kind === 'left-alone';
    if (failed) core.setFailed(message);
    else if (end.kind === 'handed-over') core.notice(message);
    else core.info(message);
  });
}

/**
 * The rollout workflow's code for the worker. In the bundled action (actions/dist/*.js in a checkout of the
 * toolkit) the workflow sources sit at actions/src/controller beside it; run from source, the worker finds them.
 */
async function toolkitWorkflowBundle(): Promise<{ workflowBundle?: { code: string } }> {
  const entry = process.argv[1];
  if (!entry) return {};
  const sources = join(dirname(entry), '..', 'src', 'controller', 'workflows.ts');
  if (!entry.includes(join('actions', 'dist')) || !existsSync(sources)) return {};
  return { workflowBundle: await bundleWorkflowsAt(sources) };
}
