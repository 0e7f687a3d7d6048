import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { p as parseReplayDeploy } from './verdict-D0aqHdIs.js';
import { t as textOf } from './table-BWLE4AEh.js';

// The replay gate's verdict as an option: the canary and the release place the new version by it, the analysis
// finds the canary's queues by it. A module of its own, so the analyze step loads none of the rollout options.
/** The replay step's `deploy` verdict; undefined when not given. */ function replayDeployOf(values, field) {
    const value = textOf(values, field);
    return value === undefined ? undefined : parseReplayDeploy(value, field);
}
/** The replay verdict, read by the canary, the release (which hands it to the rollout workflow) and analyze. */ const REPLAY_DEPLOY_OPTION = {
    field: 'replay-deploy',
    description: "The replay step's deploy output: same-queue (the new version takes over stable's task queue, no drain) or new-queue (a per-version queue of its own; stable's drains). Empty: the queue template decides.",
    arg: 'same-queue|new-queue',
    help: "the replay step's verdict: same-queue takes over stable's queue (no drain), new-queue gets a per-version queue and stable's drains (default: the queue template)"
};

export { REPLAY_DEPLOY_OPTION as R, replayDeployOf as r };
