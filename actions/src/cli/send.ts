import { ACTION_UPDATES, type ActionName } from '../controller/api.js';
import { sendAction, sendRollback } from '../controller/client.js';
import { InputError } from '../core/errors.js';
import { overridesOf, versionOf } from '../options/rollout.js';
import { switchOf, textOf } from '../options/table.js';
import { runTableCommand } from './command.js';
import { openController, TASK_QUEUE_OPTION } from './controller-options.js';
import { rolloutHelp, rolloutOptions, rolloutTable } from './rollout-options.js';

export const summary =
  'send the running rollout an Update: rollback, promote-now, abort or resume (answers at once)';

const OWN = [
  TASK_QUEUE_OPTION,
  { field: 'to', arg: 'V', help: '(rollback) the once-stable version to restore' },
  { field: 'reason', arg: 'TEXT', help: "recorded in the rollout's history (and on terminated runs)" },
  { field: 'requested-by', arg: 'WHO', help: 'recorded too' },
];

const HELP = rolloutHelp(
  `usage: temporal-rollout send <rollback|promote-now|abort|resume> [--to V] [--reason TEXT] [options]
  rollback [--to V]         stop the canary (no --to), or make once-stable V stable again; refused, naming the
                            valid versions, when V was never stable. Starts a rollout when none runs.
  promote-now               skip the remaining steps and promote the canary
  abort                     roll the ramping canary back and drop queued releases
  resume                    continue a rollout that holds after an inconclusive analysis
  (--drain-policy applies to rollback: wait | reset | terminate for the canary's open runs)`,
  OWN,
);

export function main(argv: string[]): Promise<number> {
  return runTableCommand(
    argv,
    rolloutTable(OWN),
    HELP,
    async (values, positionals) => {
      const [update] = positionals;
      const actions = Object.keys(ACTION_UPDATES);
      if (update !== 'rollback' && !actions.includes(update ?? '')) {
        throw new InputError(
          'update',
          `"${update ?? ''}" is not one of rollback, ${actions.join(', ')}`,
          'see --help',
        );
      }
      const to = versionOf(values, 'to');
      const reason = textOf(values, 'reason');
      const requestedBy = textOf(values, 'requested-by');
      const options = await rolloutOptions(values);
      const { drainPolicy } = overridesOf(values);
      const session = await openController(options, values);
      const who = requestedBy ? { requestedBy } : {};
      try {
        const taskQueue = textOf(values, 'task-queue');
        const answer =
          update === 'rollback'
            ? await sendRollback(
                session.client,
                {
                  config: options.config,
                  reason: reason ?? 'manual rollback',
                  ...(to ? { to } : {}),
                  ...(drainPolicy ? { drainPolicy } : {}),
                  ...who,
                },
                taskQueue ? { taskQueue } : {},
              )
            : await sendAction(session.client, options.config.app, update as ActionName, {
                ...(reason ? { reason } : {}),
                ...who,
              });
        console.log(
          switchOf(values, 'json')
            ? JSON.stringify(answer, null, 2)
            : `${update}: ${answer.message} (phase ${answer.phase})`,
        );
        return 0;
      } finally {
        await session.close();
      }
    },
    true,
  );
}
