import { createRequire as __trCreateRequire } from 'node:module'; import { fileURLToPath as __trFileURLToPath } from 'node:url'; const require = __trCreateRequire(import.meta.url); const __filename = __trFileURLToPath(import.meta.url); const __dirname = __trFileURLToPath(new globalThis.URL('.', import.meta.url));
import { E as ExternalError } from './errors-Brz47dcM.js';
import { l as loadState, s as strategyOf, r as releaseFor, p as planCanary, a as reconcile, b as observedRouting, c as summarize, d as workerSet, e as route, f as withDeployed, g as event, h as runGate } from './rollout-open-DWEOXBTr.js';

/**
 * Puts `version` beside stable and sends it `weight` percent of new work; re-running with a higher weight
 * moves the ramp, and re-running with the same inputs changes nothing. With nothing stable yet, the
 * release is installed as stable.
 */ async function canary(ctx, input) {
    const state = await loadState(ctx);
    const { stable: current, canary: running } = state;
    const queue = strategyOf(ctx).placement({
        version: input.version,
        stable: current,
        // A later ramp step (or a re-run) keeps the queues the version already has.
        running: [
            running,
            current
        ].find((release)=>release?.version === input.version),
        ...input.replayDeploy ? {
            verdict: input.replayDeploy
        } : {}
    });
    const release = releaseFor(ctx.settings, input.version, input.image, input.env, queue);
    const plan = planCanary(state, release, input.weight);
    const base = {
        step: 'canary',
        strategy: ctx.settings.strategy.type,
        queue,
        actions: await reconcile(ctx, state)
    };
    if (plan.kind === 'noop') {
        return {
            ...base,
            outcome: 'unchanged',
            message: plan.reason,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    if (plan.kind === 'install') {
        const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', release));
        base.actions.push(applied.detail);
        base.actions.push(...await route(ctx, release, undefined, 0));
        state.stable = release;
        state.phase = 'stable';
        state.deployed = withDeployed(state, release);
        state.history.push(event({
            event: 'install',
            version: release.version
        }));
        await ctx.store.save(state);
        return {
            ...base,
            outcome: 'done',
            message: `nothing was stable yet: installed ${release.version} as stable`,
            ...summarize(state),
            ...await observedRouting(ctx, state)
        };
    }
    const stable = state.stable;
    if (!stable) throw new Error('unreachable: a canary plan always has a stable release');
    let gate;
    if (plan.kind === 'deploy') {
        const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
        base.actions.push(applied.detail);
        // Recorded at 0% first: if the gate fails, a rollback finds the canary to remove.
        state.canary = {
            ...release,
            weight: 0
        };
        state.phase = 'canary';
        state.history.push(event({
            event: 'canary',
            version: release.version
        }));
        await ctx.store.save(state);
        if (input.gate && input.gate.count > 0) {
            gate = await runGate(ctx, release, input.gate);
            base.actions.push(`gate: ${gate.completed}/${gate.started} ${input.gate.workflowType} run(s) completed on the canary`);
            if (gate.failures.length > 0) {
                throw new ExternalError('gate workflows', `${gate.failures.length} of ${gate.started} failed on canary ${release.version}; it receives no traffic (roll it back): ${gate.failures.slice(0, 3).join('; ')}`);
            }
        }
    }
    try {
        base.actions.push(...await route(ctx, stable, release, plan.weight));
    } catch (error) {
        // The state still says what runs (the canary at its previous weight): a re-run ramps it, a rollback removes it.
        const was = state.canary?.weight ?? 0;
        error.message += ` — canary ${release.version} runs at ${was}% of new work; re-run this step to ramp it, or roll it back`;
        throw error;
    }
    state.canary = {
        ...release,
        weight: plan.weight
    };
    state.history.push(event({
        event: 'weight',
        version: release.version,
        detail: `${plan.weight}%`
    }));
    await ctx.store.save(state);
    const from = plan.kind === 'reweight' ? ` (was ${plan.from}%)` : '';
    return {
        ...base,
        outcome: 'done',
        message: `canary ${release.version} gets ${plan.weight}% of new work${from}; stable ${stable.version} the rest`,
        ...summarize(state),
        ...await observedRouting(ctx, state),
        ...gate ? {
            gate
        } : {}
    };
}

export { canary as c };
