import { type AttachEnd, attachRelease } from '../controller/attach.js';
import { InputError } from '../core/errors.js';
import { parseKeyValues } from '../core/inputs.js';
import { durationOf, integerOf } from '../options/rollout.js';
import { listOf, type OptionTable, switchOf, textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { CONTROLLER_OPTIONS, openController } from './controller-options.js';
import { rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary =
  'release a version through the rollout workflow (ramp, analyse, promote) and follow it';

const OWN: OptionTable = [
  { field: 'version', arg: 'V', help: 'the release (semver)' },
  {
    field: 'image',
    arg: 'REF',
    help: 'repo@sha256:… (helm); locally a label or file:<worker entry> (default: rollout.yaml image)',
  },
  {
    field: 'env',
    kind: 'list',
    arg: 'K=V',
    help: "extra non-secret env for this release's workers (repeatable)",
  },
  { field: 'requested-by', arg: 'WHO', help: "recorded in the rollout's history" },
  { field: 'no-worker', kind: 'switch', help: 'run no rollout worker here (a controller does the work)' },
  {
    field: 'max-wait',
    arg: '5h',
    help: 'leave after this long even if only this job could finish a drain (default: no limit)',
  },
  { field: 'drain-poll', arg: '30s', help: 'how often a drain counts open runs' },
  {
    field: 'heartbeat-timeout',
    arg: '30s',
    help: "how soon a killed rollout worker's step is retried elsewhere",
  },
  {
    field: 'history-limit',
    arg: 'N',
    help: 'continue the workflow as new past N history events (default 2000)',
  },
  ...CONTROLLER_OPTIONS,
];

const HELP = rolloutHelp(
  `usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
Exit codes: 0 promoted/installed/unchanged or handed to a controller while draining, 1 rolled back, aborted,
superseded or failed, 3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.`,
  OWN,
);

export function attachExitCode(end: AttachEnd): number {
  switch (end.kind) {
    case 'outcome':
      return ['promoted', 'installed', 'unchanged', 'restored'].includes(end.outcome.result) ? 0 : 1;
    case 'handed-over':
      return 0;
    case 'left-alone':
      return 3;
    case 'held':
      return 5;
  }
}

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(OWN), HELP, async (values) => {
    const version = textOf(values, 'version');
    if (!version) throw new InputError('version', 'is required', 'pass the version to release');
    const env = parseKeyValues(listOf(values, 'env'), 'env');
    const options = await rolloutOptions(values);
    const drainPollMs = durationOf(values, 'drain-poll');
    const heartbeatTimeoutMs = durationOf(values, 'heartbeat-timeout');
    const historyLimit = integerOf(values, 'history-limit', { min: 1 });
    const maxWaitMs = durationOf(values, 'max-wait');
    const requestedBy = textOf(values, 'requested-by');
    const taskQueue = textOf(values, 'task-queue');
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
          version,
          image: textOf(values, 'image') ?? options.config.image,
          ...(Object.keys(env).length > 0 ? { env } : {}),
          ...(requestedBy ? { requestedBy } : {}),
          ...(Object.keys(timing).length > 0 ? { timing } : {}),
        },
        ...(switchOf(values, 'no-worker')
          ? {}
          : { startWorker: (identity: string) => session.startWorker(identity) }),
        ...(taskQueue ? { taskQueue } : {}),
        ...(maxWaitMs ? { maxWaitMs } : {}),
        log: (line) => console.error(`  … ${line}`),
        signal: abort.signal,
      });
      if (switchOf(values, 'json')) console.log(JSON.stringify(result, null, 2));
      else console.log(result.message);
      return attachExitCode(result.end);
    } finally {
      process.off('SIGINT', stop);
      await session.close();
    }
  });
}
