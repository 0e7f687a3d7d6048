// The rollout workflow's activities: thin wrappers over the steps, run by whichever rollout worker polls.
// Each builds its step context from the request's rollout.yaml and this worker's infrastructure, keeps
// heartbeating (a killed worker is noticed in seconds, and the retry runs elsewhere), and turns a bad input
// into a non-retryable failure.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { PrometheusOptions } from '../adapters/prometheus.js';
import { chooseSelectors } from '../core/analysis/sides.js';
import { InputError } from '../core/errors.js';
import type { RolloutConfig } from '../core/rollout-config.js';
import { measureTick } from '../steps/analyze.js';
import { canary } from '../steps/canary.js';
import { promote } from '../steps/promote.js';
import { rollback } from '../steps/rollback.js';
import { loadState, type RolloutContext, releaseFor } from '../steps/rollout.js';
import { type OpenRolloutOptions, rolloutContext } from '../steps/rollout-open.js';
import type { RolloutActivities, StateSummary } from './activity-types.js';
import { analysisSpecFor, selectorSpecOf } from './analysis-spec.js';

/** What this worker brings to every rollout it runs: a client, how to deploy, where metrics are. */
export interface ControllerInfra {
  client: Client;
  temporal: { address: string; namespace: string };
  /** Deployer settings (deployer kind, Helm binaries and kubeconfig, local state dir, worker env…). */
  rollout: Omit<OpenRolloutOptions, 'config'>;
  prometheus?: PrometheusOptions;
  log?: (line: string) => void;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const every = Math.max(200, Math.floor((context.info.heartbeatTimeoutMs ?? 30_000) / 3));
  const beat = setInterval(() => context.heartbeat(), every);
  try {
    return await work();
  } catch (err) {
    // A bad request stays bad on every retry: fail it at once, naming what to fix.
    if (err instanceof InputError) throw ApplicationFailure.nonRetryable(err.message, 'InputError');
    throw err;
  } finally {
    clearInterval(beat);
  }
}

export function createRolloutActivities(infra: ControllerInfra): RolloutActivities {
  const contextFor = (config: RolloutConfig, policy?: 'wait' | 'reset' | 'terminate'): RolloutContext => {
    // Called inside the activity: its cancellation (a request, a heartbeat timeout, the worker shutting down)
    // stops the helm it runs.
    const { cancellationSignal } = Context.current();
    const ctx = rolloutContext(
      {
        ...infra.rollout,
        config,
        cancelSignal: cancellationSignal,
        ...(infra.log ? { log: infra.log } : {}),
      },
      infra.client,
      infra.temporal,
    );
    // Count once and answer: the workflow's durable timer does the waiting between counts.
    return { ...ctx, drain: { ...ctx.drain, timeoutMs: 0, ...(policy ? { policy } : {}) } };
  };

  return {
    readState: ({ config }) =>
      guarded(async (): Promise<StateSummary> => {
        const state = await loadState(contextFor(config));
        return {
          phase: state.phase,
          ...(state.stable ? { stable: state.stable.version } : {}),
          ...(state.canary ? { canary: { version: state.canary.version, weight: state.canary.weight } } : {}),
          deployed: state.deployed.map((release) => release.version),
        };
      }),

    placeCanary: (input) =>
      guarded(async () => {
        const ctx = contextFor(input.config);
        const result = await canary(ctx, {
          version: input.version,
          image: input.image,
          weight: input.weight,
          ...(input.env ? { env: input.env } : {}),
          ...(input.replayDeploy ? { replayDeploy: input.replayDeploy } : {}),
        });
        const stable = (await loadState(ctx)).stable;
        // The queues the step placed it on (the replay verdict may have chosen them, not the template).
        const target = releaseFor(ctx.settings, input.version, input.image, input.env, result.queue);
        // The build ids the workers were deployed with (BUILD_ID, and the chart's pod label).
        const sideOf = (release: { buildId: string; orderQueue: string; paymentQueue: string }) => ({
          buildId: release.buildId,
          queues: [release.orderQueue, release.paymentQueue],
        });
        const where = `${input.config.file}: analysis`;
        const selectors = stable
          ? chooseSelectors(selectorSpecOf(input.config.analysis, where), sideOf(target), sideOf(stable))
          : { canary: '', baseline: '' };
        return { result, selectors };
      }),

    measureAnalysis: (input) =>
      guarded(async () => {
        if (!infra.prometheus) {
          throw ApplicationFailure.nonRetryable(
            'this rollout worker has no Prometheus to measure with; start it with --prometheus-url',
            'InputError',
          );
        }
        const spec = analysisSpecFor(
          input.config.analysis,
          input.selectors,
          `${input.config.file}: analysis`,
        );
        return measureTick(infra.prometheus, spec, input.tick);
      }),

    promote: ({ config, version }) => guarded(() => promote(contextFor(config), { version })),

    rollback: ({ config, to, reason, drainPolicy }) =>
      guarded(() => rollback(contextFor(config, drainPolicy), { reason, ...(to ? { to } : {}) })),
  };
}
