// What every rollout step restores before it acts, so a step that failed or was killed at any point is
// repaired by running a step again.
import { describeRoutes, routingToReplace, sameRouting } from '../core/rollout/routing.js';
import type { RolloutState } from '../core/rollout/state.js';
import { type RolloutContext, routingOf, workerSet } from './rollout.js';

/**
 * THE INVARIANT: the rollout state matches the releases. After any step run — finished, failed, or killed at
 * any point of any step — the next step run makes these hold before it changes anything else:
 *
 * 1. No release is half-deployed: a release a killed deploy left `pending-*` is rolled back to its last good
 *    revision, or uninstalled when its first install never finished (`Deployer.recover`).
 * 2. A canary runs if and only if the state records one: a canary release the state does not name (its step
 *    died before saving) is removed; a canary the state records at a weight is running.
 * 3. The routing the cluster serves, read back from it, is `routingOf(state)`; every step checks it again when it reports (`observedRouting`).
 *
 * Each step saves the state only after the change it records has been made (or, where a later failure must
 * find something to undo, records the change first at a weight that sends it no work), so every point a step
 * can die at leaves a cluster these three rules bring back in line. The step then plans from the state as
 * usual, and its own re-run logic (resume a drain, re-apply idempotently) finishes what was interrupted.
 *
 * Returns what it did, for the step's report.
 */
export async function reconcile(ctx: RolloutContext, state: RolloutState): Promise<string[]> {
  const actions = [...((await ctx.deployer.recover?.()) ?? [])];
  if (!state.canary) {
    const orphan = await ctx.deployer.describe('canary');
    if (orphan) {
      const removed = await ctx.deployer.remove('canary');
      actions.push(
        `${removed.detail}: the rollout state records no canary, so ${orphan.detail} was left by an interrupted step`,
      );
    }
  } else if (state.phase === 'canary' && !(await ctx.deployer.describe('canary'))) {
    const { weight: _weight, ...release } = state.canary;
    const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
    actions.push(
      `${applied.detail}: the rollout state records canary ${release.version}, but it was not running`,
    );
  }
  const meant = routingOf(ctx, state);
  if (meant && state.stable) {
    const { live, invalid } = await routingToReplace(() => ctx.deployer.readRouting());
    if (invalid !== undefined || !sameRouting(live, meant)) {
      const written = await ctx.deployer.writeRouting(meant, workerSet(ctx, 'stable', state.stable));
      const served =
        invalid !== undefined ? `a table the starter refuses (${invalid})` : describeRoutes(live);
      actions.push(
        `routing repaired: the cluster served ${served}, the rollout state (${state.phase}) means ${describeRoutes(meant)} — ${written.detail}`,
      );
    }
  }
  for (const line of actions) ctx.log?.(line);
  return actions;
}
