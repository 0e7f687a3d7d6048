import { attachRelease } from '../controller/attach.js';
import { jobEndOf } from '../controller/attach-verdict.js';
import { RELEASE_OPTIONS, releaseAskedOf } from '../options/release.js';
import { switchOf, textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { openController } from './controller-options.js';
import { rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary =
  'release a version through the rollout workflow (ramp, analyse, promote) and follow it';

const HELP = rolloutHelp(
  `usage: temporal-rollout release --version V [--image REF] [options]
Starts the app's RolloutWorkflow with this release (or attaches to the one running), runs a rollout worker
while it prints the progress, and leaves when the release has an outcome, holds for a person, or only drains
with another rollout worker (a controller) there to finish it.
Exit codes: 0 promoted/installed/unchanged, handed to a controller while draining, or superseded (a newer
release took its place: this version was not shipped, the message says so), 1 rolled back, aborted or failed,
3 left a drain with no rollout worker to finish it, 5 held for a person, 2 usage.`,
  RELEASE_OPTIONS,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(RELEASE_OPTIONS), HELP, async (values) => {
    const asked = releaseAskedOf(values);
    const options = await rolloutOptions(values);
    const request = asked.requestFor(options, textOf(values, 'requested-by'));
    const session = await openController(options, values);
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    try {
      const result = await attachRelease({
        client: session.client,
        namespace: session.namespace,
        request,
        ...(switchOf(values, 'no-worker')
          ? {}
          : { startWorker: (identity: string) => session.startWorker(identity) }),
        ...(asked.taskQueue ? { taskQueue: asked.taskQueue } : {}),
        ...(asked.maxWaitMs ? { maxWaitMs: asked.maxWaitMs } : {}),
        log: (line) => console.error(`  … ${line}`),
        signal: abort.signal,
      });
      if (switchOf(values, 'json')) console.log(JSON.stringify(result, null, 2));
      else console.log(result.message);
      return jobEndOf(result.end).exitCode;
    } finally {
      process.off('SIGINT', stop);
      await session.close();
    }
  });
}
