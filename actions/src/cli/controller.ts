import { parseArgs } from 'node:util';
import { ROLLOUT_TASK_QUEUE } from '../controller/api.js';
import { CONTROLLER_HELP, CONTROLLER_OPTIONS, openController } from './controller-options.js';
import { COMMON_HELP, COMMON_OPTIONS, rolloutOptions } from './rollout-options.js';

export const summary =
  'run a rollout worker: carries out every rollout (ramps, analyses, drains) until stopped';

const HELP = `usage: temporal-rollout controller [options]
Polls the rollout task queue and runs RolloutWorkflow and its steps until SIGTERM or SIGINT. Releases bring
their own rollout.yaml; this one's --config gives the connection and the deployer defaults.
  --identity ID             the worker's identity (default pid@host)${CONTROLLER_HELP}${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...COMMON_OPTIONS, ...CONTROLLER_OPTIONS, identity: { type: 'string' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const session = await openController(await rolloutOptions(values), values);
  try {
    const worker = await session.startWorker(values.identity);
    const stop = () => worker.shutdown();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    console.error(
      `controller: polling ${values['task-queue'] ?? ROLLOUT_TASK_QUEUE} in ${session.namespace} at ${session.infra.temporal.address} as ${worker.options.identity}`,
    );
    await worker.run();
    console.error('controller: stopped');
    return 0;
  } finally {
    await session.close();
  }
}
