// The replay gate's verdict as an option: the canary and the release place the new version by it, the analysis
// finds the canary's queues by it. A module of its own, so the analyze step loads none of the rollout options.
import { parseReplayDeploy } from '../core/replay/verdict.js';
import { type OptionTable, type OptionValues, textOf } from './table.js';

/** The replay step's `deploy` verdict; undefined when not given. */
export function replayDeployOf(values: OptionValues, field: string) {
  const value = textOf(values, field);
  return value === undefined ? undefined : parseReplayDeploy(value, field);
}

/** The replay verdict, read by the canary, the release (which hands it to the rollout workflow) and analyze. */
export const REPLAY_DEPLOY_OPTION: OptionTable[number] = {
  field: 'replay-deploy',
  description:
    "The replay step's deploy output: same-queue (the new version takes over stable's task queue, no drain) or new-queue (a per-version queue of its own; stable's drains). Empty: the queue template decides.",
  arg: 'same-queue|new-queue',
  help: "the replay step's verdict: same-queue takes over stable's queue (no drain), new-queue gets a per-version queue and stable's drains (default: the queue template)",
};
