// The release command's options (beside the shared rollout ones), and what they become: the request the rollout
// workflow takes and how long the job stays attached. The action and the CLI read the same entries.
import type { ReleaseRequest } from '../controller/api.js';
import { InputError } from '../core/errors.js';
import { parseKeyValues } from '../core/inputs.js';
import type { OpenRolloutOptions } from '../steps/rollout-open.js';
import { CONTROLLER_OPTIONS } from './controller.js';
import { CANARY_OPTIONS, REPLAY_DEPLOY_OPTION, replayDeployOf } from './rollout.js';
import {
  durationOf,
  integerOf,
  listOf,
  type OptionSpec,
  type OptionTable,
  type OptionValues,
  textOf,
  versionOf,
} from './table.js';

function canaryOption(field: string): OptionSpec {
  const spec = CANARY_OPTIONS.find((s) => s.field === field);
  if (!spec) throw new Error(`no canary option ${field}`);
  return spec;
}

export const RELEASE_OPTIONS: OptionTable = [
  canaryOption('version'),
  canaryOption('image'),
  {
    field: 'env',
    kind: 'list',
    input: false,
    arg: 'K=V',
    help: "extra non-secret env for this release's workers (repeatable)",
  },
  REPLAY_DEPLOY_OPTION,
  { field: 'requested-by', input: false, arg: 'WHO', help: "recorded in the rollout's history" },
  {
    field: 'no-worker',
    kind: 'switch',
    input: false,
    help: 'run no rollout worker here (a controller does the work)',
  },
  {
    field: 'max-wait',
    input: 'attach-timeout',
    description:
      'How long the job stays attached at most (e.g. 5h). It leaves a draining rollout earlier once a controller polls the task queue.',
    arg: '5h',
    help: 'leave after this long even if only this job could finish a drain (default: no limit)',
    inputDefault: '5h',
  },
  {
    field: 'drain-poll',
    description: 'How often the rollout counts the open runs of the release being left while it drains.',
    arg: '30s',
    help: 'how often a drain counts open runs',
  },
  {
    field: 'heartbeat-timeout',
    input: false,
    arg: '30s',
    help: "how soon a killed rollout worker's step is retried elsewhere",
  },
  {
    field: 'history-limit',
    input: false,
    arg: 'N',
    help: 'continue the workflow as new past N history events (default 2000)',
  },
  ...CONTROLLER_OPTIONS,
];

/** What the options ask of a release, every one checked before rollout.yaml is read or anything connects. */
export interface ReleaseAsked {
  /** The request to the rollout workflow, with rollout.yaml (overrides applied) and who asked. */
  requestFor(options: OpenRolloutOptions, requestedBy: string | undefined): ReleaseRequest;
  maxWaitMs?: number;
  taskQueue?: string;
}

export function releaseAskedOf(values: OptionValues): ReleaseAsked {
  const version = versionOf(values, 'version');
  if (!version)
    throw new InputError('version', 'is required', 'pass the release version, e.g. the build step output');
  const env = parseKeyValues(listOf(values, 'env'), 'env');
  const replayDeploy = replayDeployOf(values, 'replay-deploy');
  const drainPollMs = durationOf(values, 'drain-poll');
  const heartbeatTimeoutMs = durationOf(values, 'heartbeat-timeout');
  const historyLimit = integerOf(values, 'history-limit', { min: 1 });
  const maxWaitMs = durationOf(values, 'max-wait');
  const taskQueue = textOf(values, 'task-queue');
  const image = textOf(values, 'image');
  const timing = {
    ...(drainPollMs ? { drainPollMs } : {}),
    ...(heartbeatTimeoutMs ? { heartbeatTimeoutMs } : {}),
    ...(historyLimit ? { historyLimit } : {}),
  };
  return {
    requestFor: (options, requestedBy) => {
      // The workers' env: the shared worker-env, then this release's own.
      const workerEnv = { ...options.workerEnv, ...env };
      return {
        config: options.config,
        version,
        image: image ?? options.config.image,
        ...(Object.keys(workerEnv).length > 0 ? { env: workerEnv } : {}),
        ...(requestedBy ? { requestedBy } : {}),
        ...(replayDeploy ? { replayDeploy } : {}),
        ...(Object.keys(timing).length > 0 ? { timing } : {}),
      };
    },
    ...(maxWaitMs ? { maxWaitMs } : {}),
    ...(taskQueue ? { taskQueue } : {}),
  };
}
