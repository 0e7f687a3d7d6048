// The options of single rollout commands, beside the shared ones (options/rollout.ts).
import type { OptionTable } from './table.js';

export const PROMOTE_OPTIONS: OptionTable = [
  {
    field: 'version',
    description: 'The canary version expected; empty = whatever canary runs.',
    arg: 'V',
    help: 'the canary version you expect to promote (refused if another runs)',
  },
];

export const ROLLBACK_OPTIONS: OptionTable = [
  {
    field: 'to',
    description:
      'Manual rollback: the once-stable version to restore. Empty: automatic rollback of the running canary.',
    arg: 'V',
    help: 'manual rollback: make once-stable version V stable again (drains the current one)',
  },
  {
    field: 'reason',
    description: 'Why; recorded in the state, the summary and on any terminated run.',
    arg: 'TEXT',
    help: 'recorded in the state and on terminated runs',
  },
];
