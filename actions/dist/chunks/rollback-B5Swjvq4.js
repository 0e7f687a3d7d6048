import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new URL('.', import.meta.url));
import { l as loadState, h as planRollback, a as observedRouting, s as summarize, b as workerSet, c as route, i as drain, d as describeDrain, f as event } from './rollout-open-BIvpr3S9.js';
import { c as completePromotion } from './promote-DG3bcWho.js';

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
    if (plan.kind === 'noop') {
        return {
            ...base,
            outcome: 'unchanged',
            message: plan.reason,
            actions: [],
            ...summarize(state),
            ...await observedRouting(ctx)
        };
    }
    if (plan.kind === 'restore') {
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', plan.target));
        state.canary = {
            ...plan.target,
            weight: 100
        };
        const result = await completePromotion(ctx, state, plan.target, plan.current, false, 'restore');
        return {
            ...result,
            actions: [
                applied.detail,
                ...result.actions
            ]
        };
    }
    const { canary, stable } = plan;
    const actions = [];
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
    const sharesQueue = ctx.settings.strategy.type === 'task-queue' && stable?.orderQueue === canary.orderQueue;
    let drainReport;
    if (stable && !sharesQueue) {
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
                ...await observedRouting(ctx)
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
        ...await observedRouting(ctx)
    };
}

export { rollback as r };
