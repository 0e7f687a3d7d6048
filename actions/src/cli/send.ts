import { parseArgs } from 'node:util';
import { ACTION_UPDATES, type ActionName } from '../controller/api.js';
import { sendAction, sendRollback } from '../controller/client.js';
import { InputError } from '../core/errors.js';
import { CONTROLLER_OPTIONS, openController } from './controller-options.js';
import { COMMON_HELP, COMMON_OPTIONS, rolloutOptions } from './rollout-options.js';

export const summary =
  'send the running rollout an Update: rollback, promote-now, abort or resume (answers at once)';

const HELP = `usage: temporal-rollout send <rollback|promote-now|abort|resume> [--to V] [--reason TEXT] [options]
  rollback [--to V]         stop the canary (no --to), or make once-stable V stable again; refused, naming the
                            valid versions, when V was never stable. Starts a rollout when none runs.
  promote-now               skip the remaining steps and promote the canary
  abort                     roll the ramping canary back and drop queued releases
  resume                    continue a rollout that holds after an inconclusive analysis
  --reason TEXT             recorded in the rollout's history (and on terminated runs)
  --requested-by WHO        recorded too
  --drain-policy            (rollback) wait | reset | terminate for the canary's open runs${COMMON_HELP}`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      'task-queue': CONTROLLER_OPTIONS['task-queue'],
      to: { type: 'string' },
      reason: { type: 'string' },
      'requested-by': { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const [update] = positionals;
  const actions = Object.keys(ACTION_UPDATES);
  if (update !== 'rollback' && !actions.includes(update ?? '')) {
    throw new InputError(
      'update',
      `"${update ?? ''}" is not one of rollback, ${actions.join(', ')}`,
      'see --help',
    );
  }
  const options = await rolloutOptions(values);
  const session = await openController(options, values);
  const who = values['requested-by'] ? { requestedBy: values['requested-by'] } : {};
  try {
    const taskQueue = values['task-queue'] ? { taskQueue: values['task-queue'] } : {};
    const answer =
      update === 'rollback'
        ? await sendRollback(
            session.client,
            {
              config: options.config,
              reason: values.reason ?? 'manual rollback',
              ...(values.to ? { to: values.to } : {}),
              ...(options.drain?.policy ? { drainPolicy: options.drain.policy } : {}),
              ...who,
            },
            taskQueue,
          )
        : await sendAction(session.client, options.config.app, update as ActionName, {
            ...(values.reason ? { reason: values.reason } : {}),
            ...who,
          });
    console.log(
      values.json ? JSON.stringify(answer, null, 2) : `${update}: ${answer.message} (phase ${answer.phase})`,
    );
    return 0;
  } finally {
    await session.close();
  }
}
