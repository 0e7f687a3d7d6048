import { ROLLOUT_TASK_QUEUE } from '../controller/api.js';
import { textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { CONTROLLER_OPTIONS, openController } from './controller-options.js';
import { rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary =
  'run a rollout worker: carries out every rollout (ramps, analyses, drains) until stopped';

const OWN = [
  { field: 'identity', arg: 'ID', help: "the worker's identity (default pid@host)" },
  ...CONTROLLER_OPTIONS,
];

const HELP = rolloutHelp(
  `usage: temporal-rollout controller [options]
Polls the rollout task queue and runs RolloutWorkflow and its steps until SIGTERM or SIGINT. Releases bring
their own rollout.yaml; this one's --config gives the connection and the deployer defaults.`,
  OWN,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(argv, rolloutTable(OWN), HELP, async (values) => {
    const session = await openController(await rolloutOptions(values), values);
    try {
      const worker = await session.startWorker(textOf(values, 'identity'));
      const stop = () => worker.shutdown();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      console.error(
        `controller: polling ${textOf(values, 'task-queue') ?? ROLLOUT_TASK_QUEUE} in ${session.namespace} at ${session.infra.temporal.address} as ${worker.options.identity}`,
      );
      await worker.run();
      console.error('controller: stopped');
      return 0;
    } finally {
      await session.close();
    }
  });
}
