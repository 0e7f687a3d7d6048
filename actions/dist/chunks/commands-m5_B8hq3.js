import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
// The options of single rollout commands, beside the shared ones (options/rollout.ts).
const PROMOTE_OPTIONS = [
    {
        field: 'version',
        description: 'The canary version expected; empty = whatever canary runs.',
        arg: 'V',
        help: 'the canary version you expect to promote (refused if another runs)'
    }
];
const ROLLBACK_OPTIONS = [
    {
        field: 'to',
        description: 'Manual rollback: the once-stable version to restore. Empty: automatic rollback of the running canary.',
        arg: 'V',
        help: 'manual rollback: make once-stable version V stable again (drains the current one)'
    },
    {
        field: 'reason',
        description: 'Why; recorded in the state, the summary and on any terminated run.',
        arg: 'TEXT',
        help: 'recorded in the state and on terminated runs'
    }
];

export { PROMOTE_OPTIONS as P, ROLLBACK_OPTIONS as R };
