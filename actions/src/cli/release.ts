import { parseArgs } from 'node:util';
import { attachRelease } from '../controller/attach.js';
import { jobEndOf } from '../controller/attach-verdict.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { CONTROLLER_HELP, CONTROLLER_OPTIONS, openController } from './controller-options.js';
import {
  COMMON_HELP,
  COMMON_OPTIONS,
  positiveInt,
  replayDeployOf,
  rolloutOptions,
} from './rollout-options.js';

export const summary =
  'release a version through the rollout workflow (ramp, analyse, promote) and follow it';

const HELP = `usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
  --version V               the release (semver)
  --image REF               repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)
  --env K=V                 extra non-secret env for this release's workers (repeatable)
  --replay-deploy same-queue|new-queue   the replay gate's verdict: same-queue takes over stable's queue (no
                            drain), new-queue gets a versioned queue and stable's drains (default: the queue template)
  --requested-by WHO        recorded in the rollout's history
  --no-worker               run no rollout worker here (a controller does the work)
  --max-wait 5h             leave after this long even if only this job could finish a drain (default: no limit)
  --drain-poll 30s          how often a drain counts open runs
  --heartbeat-timeout 30s   how soon a killed rollout worker's step is retried elsewhere
  --history-limit N         continue the workflow as new past N history events (default 2000)
Exit codes: 0 promoted/installed/unchanged, handed to a controller while draining, or superseded (a newer
release took its place: this version was not shipped, the message says so), 1 rolled back, aborted or failed,
3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.${CONTROLLER_HELP}${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...COMMON_OPTIONS,
      ...CONTROLLER_OPTIONS,
      version: { type: 'string' },
      image: { type: 'string' },
      env: { type: 'string', multiple: true },
      'requested-by': { type: 'string' },
      'replay-deploy': { type: 'string' },
      'no-worker': { type: 'boolean', default: false },
      'max-wait': { type: 'string' },
      'drain-poll': { type: 'string' },
      'heartbeat-timeout': { type: 'string' },
      'history-limit': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.version) throw new InputError('--version', 'is required', 'pass the version to release');
  const env: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new InputError('--env', `"${pair}" is not KEY=VALUE`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const replayDeploy = replayDeployOf(values['replay-deploy'], '--replay-deploy');
  const options = await rolloutOptions(values);
  const drainPollMs = values['drain-poll'] ? parseDuration(values['drain-poll'], '--drain-poll') : undefined;
  const heartbeatTimeoutMs = values['heartbeat-timeout']
    ? parseDuration(values['heartbeat-timeout'], '--heartbeat-timeout')
    : undefined;
  const historyLimit = positiveInt(values['history-limit'], 'history-limit');
  const timing = {
    ...(drainPollMs ? { drainPollMs } : {}),
    ...(heartbeatTimeoutMs ? { heartbeatTimeoutMs } : {}),
    ...(historyLimit ? { historyLimit } : {}),
  };
  const session = await openController(options, values);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  try {
    const result = await attachRelease({
      client: session.client,
      namespace: session.namespace,
      request: {
        config: options.config,
        version: values.version,
        image: values.image ?? options.config.image,
        ...(Object.keys(env).length > 0 ? { env } : {}),
        ...(values['requested-by'] ? { requestedBy: values['requested-by'] } : {}),
        ...(replayDeploy ? { replayDeploy } : {}),
        ...(Object.keys(timing).length > 0 ? { timing } : {}),
      },
      ...(values['no-worker'] ? {} : { startWorker: (identity: string) => session.startWorker(identity) }),
      ...(values['task-queue'] ? { taskQueue: values['task-queue'] } : {}),
      ...(values['max-wait'] ? { maxWaitMs: parseDuration(values['max-wait'], '--max-wait') } : {}),
      log: (line) => console.error(`  … ${line}`),
      signal: abort.signal,
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else console.log(result.message);
    return jobEndOf(result.end).exitCode;
  } finally {
    process.off('SIGINT', stop);
    await session.close();
  }
}
