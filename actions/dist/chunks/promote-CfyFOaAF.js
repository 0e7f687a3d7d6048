import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadState, m as planPromote, a as reconcile, b as observedRouting, c as summarize, e as route, s as strategyOf, k as drain, i as describeDrain, d as workerSet, f as withDeployed, g as event } from './rollout-open-DWEOXBTr.js';

/**
 * Moves all new work to `next`, waits until the `previous` release owns no open run (or acts per the drain
 * policy), then runs `next` as stable and removes the canary. Stops early, changing nothing more, when the
 * drain times out: a re-run continues from there.
 */ async function completePromotion(ctx, state, next, previous, resume, kind, /** What the step already did (a repair by `reconcile`, the restored release deployed), reported first. */ done = []) {
    const base = {
        step: kind === 'promote' ? 'promote' : 'rollback',
        strategy: ctx.settings.strategy.type
    };
    const actions = [
        ...done
    ];
    if (!resume) {
        state.phase = 'promoting';
        state.promotion = kind;
        await ctx.store.save(state);
    }
    // Re-applied on resume too: it is idempotent, and it repairs a run that stopped half-way.
    actions.push(...await route(ctx, previous ?? next, next, 100));
    let drainReport;
    if (previous && strategyOf(ctx).needsDrain(previous, next)) {
        drainReport = await drain(ctx, previous, next, `${kind === 'promote' ? 'promotion' : 'rollback'} to ${next.version}`);
        actions.push(describeDrain(drainReport));
        if (!drainReport.drained) {
            return {
                ...base,
                outcome: 'waiting',
                message: `all new work goes to ${next.version}; ${previous.version} keeps its workers until its open runs finish — re-run to continue`,
                actions,
                drain: drainReport,
                ...summarize(state),
                ...await observedRouting(ctx, state)
            };
        }
    }
    const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', next));
    actions.push(applied.detail);
    const removed = await ctx.deployer.remove('canary');
    if (removed.changed) actions.push(removed.detail);
    actions.push(...await route(ctx, next, undefined, 0));
    state.stable = next;
    delete state.canary;
    delete state.promotion;
    state.phase = 'stable';
    state.deployed = withDeployed(state, next);
    state.history.push(event({
        event: kind,
        version: next.version,
        ...previous ? {
            detail: `from ${previous.version}`
        } : {}
    }));
    await ctx.store.save(state);
    return {
        ...base,
        outcome: 'done',
        message: kind === 'promote' ? `${next.version} is stable and takes all new work${previous ? `; ${previous.version} stopped after its runs drained` : ''}` : `restored ${next.version} as stable${previous ? `; ${previous.version} stopped after its runs drained` : ''}`,
        actions,
        ...drainReport ? {
            drain: drainReport
        } : {},
        ...summarize(state),
        ...await observedRouting(ctx, state)
    };
}
async function promote(ctx, input) {
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
            ...await observedRouting(ctx, state)
        };
    }
    return completePromotion(ctx, state, plan.canary, plan.stable, plan.resume, 'promote', repaired);
}

export { completePromotion as c, promote as p };
