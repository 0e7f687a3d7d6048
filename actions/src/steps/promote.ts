import { describeDrain } from '../core/rollout/drain.js';
import { planPromote } from '../core/rollout/plan.js';
import { type ReleaseSpec, type RolloutState, withDeployed } from '../core/rollout/state.js';
import { reconcile } from './reconcile.js';
import {
  drain,
  event,
  loadState,
  observedRouting,
  type RolloutContext,
  route,
  type StepResult,
  strategyOf,
  summarize,
  workerSet,
} from './rollout.js';

/**
 * Moves all new work to `next`, waits until the `previous` release owns no open run (or acts per the drain
 * policy), then runs `next` as stable and removes the canary. Stops early, changing nothing more, when the
 * drain times out: a re-run continues from there.
 */
export async function completePromotion(
  ctx: RolloutContext,
  state: RolloutState,
  next: ReleaseSpec,
  previous: ReleaseSpec | undefined,
  resume: boolean,
  kind: 'promote' | 'restore',
  /** What the step already did (a repair by `reconcile`, the restored release deployed), reported first. */
  done: readonly string[] = [],
): Promise<StepResult> {
  const base = {
    step: kind === 'promote' ? ('promote' as const) : ('rollback' as const),
    strategy: ctx.settings.strategy.type,
  };
  const actions = [...done];
  if (!resume) {
    state.phase = 'promoting';
    state.promotion = kind;
    await ctx.store.save(state);
  }
  // Re-applied on resume too: it is idempotent, and it repairs a run that stopped half-way.
  actions.push(...(await route(ctx, previous ?? next, next, 100)));

  let drainReport: StepResult['drain'];
  if (previous && strategyOf(ctx).needsDrain(previous, next)) {
    drainReport = await drain(
      ctx,
      previous,
      next,
      `${kind === 'promote' ? 'promotion' : 'rollback'} to ${next.version}`,
    );
    actions.push(describeDrain(drainReport));
    if (!drainReport.drained) {
      return {
        ...base,
        outcome: 'waiting',
        message: `all new work goes to ${next.version}; ${previous.version} keeps its workers until its open runs finish — re-run to continue`,
        actions,
        drain: drainReport,
        ...summarize(state),
        ...(await observedRouting(ctx, state)),
      };
    }
  }
  const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', next));
  actions.push(applied.detail);
  const removed = await ctx.deployer.remove('canary');
  if (removed.changed) actions.push(removed.detail);
  actions.push(...(await route(ctx, next, undefined, 0)));
  state.stable = next;
  delete state.canary;
  delete state.promotion;
  state.phase = 'stable';
  state.deployed = withDeployed(state, next);
  state.history.push(
    event({
      event: kind,
      version: next.version,
      ...(previous ? { detail: `from ${previous.version}` } : {}),
    }),
  );
  await ctx.store.save(state);
  return {
    ...base,
    outcome: 'done',
    message:
      kind === 'promote'
        ? `${next.version} is stable and takes all new work${previous ? `; ${previous.version} stopped after its runs drained` : ''}`
        : `restored ${next.version} as stable${previous ? `; ${previous.version} stopped after its runs drained` : ''}`,
    actions,
    ...(drainReport ? { drain: drainReport } : {}),
    ...summarize(state),
    ...(await observedRouting(ctx, state)),
  };
}

export interface PromoteInput {
  /** The canary version expected; omitted = whatever canary runs. */
  version?: string;
}

export async function promote(ctx: RolloutContext, input: PromoteInput): Promise<StepResult> {
  const state = await loadState(ctx);
  const plan = planPromote(state, input.version);
  const repaired = await reconcile(ctx, state);
  if (plan.kind === 'noop') {
    return {
      step: 'promote',
      strategy: ctx.settings.strategy.type,
      outcome: 'unchanged',
      message: plan.reason,
      actions: repaired,
      ...summarize(state),
      ...(await observedRouting(ctx, state)),
    };
  }
  return completePromotion(ctx, state, plan.canary, plan.stable, plan.resume, 'promote', repaired);
}
