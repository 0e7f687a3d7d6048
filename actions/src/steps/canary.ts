import { ExternalError } from '../core/errors.js';
import type { ReplayDeploy } from '../core/replay/verdict.js';
import { planCanary } from '../core/rollout/plan.js';
import { withDeployed } from '../core/rollout/state.js';
import { reconcile } from './reconcile.js';
import {
  event,
  type GateSpec,
  loadState,
  observedRouting,
  type RolloutContext,
  releaseFor,
  route,
  runGate,
  type StepResult,
  strategyOf,
  summarize,
  workerSet,
} from './rollout.js';

export interface CanaryInput {
  version: string;
  /** `repo@sha256:…` for Helm; locally a label, or `file:<entry.js>` to run another worker build. */
  image: string;
  /** Percent of new work for the canary (a ramp step from rollout.yaml). */
  weight: number;
  /** Extra non-secret env for this release's workers. */
  env?: Record<string, string>;
  /** Gate workflows run on the canary before it receives any share of new work. */
  gate?: GateSpec;
  /**
   * The replay gate's verdict (its `deploy` output). `same-queue`: the new version takes over stable's queue,
   * no drain needed. `new-queue`: it gets a per-version queue of its own and stable's drains. Unset: the queue
   * template decides. The result's `queue.rule` says which rule chose.
   */
  replayDeploy?: ReplayDeploy;
}

/**
 * Puts `version` beside stable and sends it `weight` percent of new work; re-running with a higher weight
 * moves the ramp, and re-running with the same inputs changes nothing. With nothing stable yet, the
 * release is installed as stable.
 */
export async function canary(ctx: RolloutContext, input: CanaryInput): Promise<StepResult> {
  const state = await loadState(ctx);
  const { stable: current, canary: running } = state;
  const queue = strategyOf(ctx).placement({
    version: input.version,
    stable: current,
    // A later ramp step (or a re-run) keeps the queues the version already has.
    running: [running, current].find((release) => release?.version === input.version),
    ...(input.replayDeploy ? { verdict: input.replayDeploy } : {}),
  });
  const release = releaseFor(ctx.settings, input.version, input.image, input.env, queue);
  const plan = planCanary(state, release, input.weight);
  const base = {
    step: 'canary' as const,
    strategy: ctx.settings.strategy.type,
    queue,
    actions: await reconcile(ctx, state),
  };

  if (plan.kind === 'noop') {
    return {
      ...base,
      outcome: 'unchanged',
      message: plan.reason,
      ...summarize(state),
      ...(await observedRouting(ctx, state)),
    };
  }

  if (plan.kind === 'install') {
    const applied = await ctx.deployer.apply(workerSet(ctx, 'stable', release));
    base.actions.push(applied.detail);
    base.actions.push(...(await route(ctx, release, undefined, 0)));
    state.stable = release;
    state.phase = 'stable';
    state.deployed = withDeployed(state, release);
    state.history.push(event({ event: 'install', version: release.version }));
    await ctx.store.save(state);
    return {
      ...base,
      outcome: 'done',
      message: `nothing was stable yet: installed ${release.version} as stable`,
      ...summarize(state),
      ...(await observedRouting(ctx, state)),
    };
  }

  const stable = state.stable;
  if (!stable) throw new Error('unreachable: a canary plan always has a stable release');
  let gate: StepResult['gate'];
  if (plan.kind === 'deploy') {
    const applied = await ctx.deployer.apply(workerSet(ctx, 'canary', release));
    base.actions.push(applied.detail);
    // Recorded at 0% first: if the gate fails, a rollback finds the canary to remove.
    state.canary = { ...release, weight: 0 };
    state.phase = 'canary';
    state.history.push(event({ event: 'canary', version: release.version }));
    await ctx.store.save(state);
    if (input.gate && input.gate.count > 0) {
      gate = await runGate(ctx, release, input.gate);
      base.actions.push(
        `gate: ${gate.completed}/${gate.started} ${input.gate.workflowType} run(s) completed on the canary`,
      );
      if (gate.failures.length > 0) {
        throw new ExternalError(
          'gate workflows',
          `${gate.failures.length} of ${gate.started} failed on canary ${release.version}; it receives no traffic (roll it back): ${gate.failures.slice(0, 3).join('; ')}`,
        );
      }
    }
  }
  try {
    base.actions.push(...(await route(ctx, stable, release, plan.weight)));
  } catch (error) {
    // The state still says what runs (the canary at its previous weight): a re-run ramps it, a rollback removes it.
    const was = state.canary?.weight ?? 0;
    (error as Error).message +=
      ` — canary ${release.version} runs at ${was}% of new work; re-run this step to ramp it, or roll it back`;
    throw error;
  }
  state.canary = { ...release, weight: plan.weight };
  state.history.push(event({ event: 'weight', version: release.version, detail: `${plan.weight}%` }));
  await ctx.store.save(state);
  const from = plan.kind === 'reweight' ? ` (was ${plan.from}%)` : '';
  return {
    ...base,
    outcome: 'done',
    message: `canary ${release.version} gets ${plan.weight}% of new work${from}; stable ${stable.version} the rest`,
    ...summarize(state),
    ...(await observedRouting(ctx, state)),
    ...(gate ? { gate } : {}),
  };
}
