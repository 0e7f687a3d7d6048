import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { l as loadState, j as planRollback, a as reconcile, b as observedRouting, c as summarize, d as workerSet, e as route, s as strategyOf, k as drain, i as describeDrain, g as event } from './rollout-open-DWEOXBTr.js';
import { c as completePromotion } from './promote-CfyFOaAF.js';

/**
 * Automatic: stop new work to the canary, drain it per policy (wait, restart on stable, or terminate), remove
 * it. Manual: run the named earlier version beside stable, send it all new work, drain the current release,
 * make it stable. Stable keeps serving throughout; no worker stops while it still owns an open run.
 */ async function rollback(ctx, input) {
    const state = await loadState(ctx);
    const plan = planRollback(state, input.to);
    const base = {
        step: 'rollback',
        strategy: ctx.settings.strategy.type
    };
    const repaired = await reconcile(ctx, state);
    if (plan.kind === 'noop') {
        return {
            ...base,
            outcome: 'unchanged',
            message: plan.reason,
            actions: repaired,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    if (plan.kind === 'restore') {
        // Beside the current release first (a re-run finds it running); then the same path as a promotion.
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', plan.target));
        state.canary = {
            ...plan.target,
            weight: 100
        };
        return completePromotion(ctx, state, plan.target, plan.current, plan.resume, 'restore', [
            ...repaired,
            applied.detail
        ]);
    }
    const { canary, stable } = plan;
    const actions = [
        ...repaired
    ];
    if (!plan.resume) {
        state.phase = 'rolling-back';
        await ctx.store.save(state);
    }
    if (stable) {
        // The stable workers must be there to take the work back (a re-run also repairs them).
        const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', stable));
        if (applied.changed) actions.push(applied.detail);
        actions.push(...await route(ctx, stable, undefined, 0));
    }
    const reason = input.reason ?? `rollback of canary ${canary.version}`;
    let drainReport;
    if (stable && strategyOf(ctx).needsDrain(canary, stable)) {
        drainReport = await drain(ctx, canary, stable, reason);
        actions.push(describeDrain(drainReport));
        if (!drainReport.drained) {
            return {
                ...base,
                outcome: 'waiting',
                message: `no new work goes to ${canary.version}; its workers stay until its open runs finish — re-run to continue, or choose drain policy reset/terminate`,
                actions,
                drain: drainReport,
                ...summarize(state),
                ...await observedRouting(ctx, state)
            };
        }
    }
    const removed = await ctx.deployer.remove('canary');
    if (removed.changed) actions.push(removed.detail);
    delete state.canary;
    state.phase = 'stable';
    state.history.push(event({
        event: 'rollback',
        version: canary.version,
        detail: reason
    }));
    await ctx.store.save(state);
    return {
        ...base,
        outcome: 'done',
        message: `rolled back canary ${canary.version}; ${stable ? `stable ${stable.version} serves all new work` : 'nothing else runs'}`,
        actions,
        ...drainReport ? {
            drain: drainReport
        } : {},
        ...summarize(state),
        ...await observedRouting(ctx, state)
    };
}

export { rollback as r };
