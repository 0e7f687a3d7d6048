// Shared by the canary, promote and rollback steps: the context they run in, release specs, routing for a
// strategy, drains and gate workflows.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Deployer, StateStore, Track, WorkerSetSpec } from '../adapters/deployer.js';
import type { RunScope, TemporalVisibility } from '../adapters/temporal-visibility.js';
import { scopeLabel } from '../adapters/temporal-visibility.js';
import { ExternalError } from '../core/errors.js';
import { type DrainReport, decideDrain } from '../core/rollout/drain.js';
import { buildIdFor, canonicalVersion, queueName } from '../core/rollout/queues.js';
import { type RoutingTable, routingFor } from '../core/rollout/routing.js';
import { emptyState, type HistoryEntry, type ReleaseSpec, type RolloutState } from '../core/rollout/state.js';
import type { DrainPolicy, RolloutConfig } from '../core/rollout-config.js';

export type RolloutSettings = Pick<RolloutConfig, 'app' | 'taskQueues' | 'strategy'> & {
  temporal: { address: string; namespace: string };
};

export interface RolloutContext {
  settings: RolloutSettings;
  deployer: Deployer;
  store: StateStore;
  client: Client;
  visibility: TemporalVisibility;
  /** Worker processes (or pods) per track. */
  replicas: number;
  /** Workers' default for workflows that declare none (worker-versioning). */
  versioningBehavior?: 'PINNED' | 'AUTO_UPGRADE';
  /** Drain overrides; default from `settings.strategy.drain`. */
  drain?: { policy?: DrainPolicy; timeoutMs?: number; pollMs?: number; settleMs?: number };
  /** Progress lines (the CLI prints them; the action logs them). */
  log?: (line: string) => void;
}

/** Gate workflows: real work sent to the canary before it takes any share of new starts. */
export interface GateSpec {
  workflowType: string;
  args: unknown[];
  count: number;
  timeoutMs: number;
}

export interface GateReport {
  started: number;
  completed: number;
  failures: string[];
  durationMs: number;
}

export type StepOutcome = 'done' | 'unchanged' | 'waiting';

export interface StepResult {
  step: 'canary' | 'promote' | 'rollback';
  strategy: RolloutSettings['strategy']['type'];
  outcome: StepOutcome;
  message: string;
  stable?: string;
  canary?: { version: string; weight: number };
  phase: RolloutState['phase'];
  /** The starter's routing after the step (task-queue strategy). */
  routing?: RoutingTable;
  /** The server's routing after the step (worker-versioning strategy). */
  versioning?: { current?: string; ramping?: string; percent: number };
  actions: string[];
  drain?: DrainReport;
  gate?: GateReport;
}

export function releaseFor(
  settings: RolloutSettings,
  version: string,
  image: string,
  env?: Record<string, string>,
): ReleaseSpec {
  const { order, payment } = settings.taskQueues;
  const paymentSpec = payment ?? { base: 'payment-task-queue', template: order.template };
  // Under worker versioning every build polls the same queues; the server routes between builds.
  const versioned = settings.strategy.type === 'task-queue';
  return {
    // Stored and compared without a leading `v`: `v1.4.0` and `1.4.0` are one release.
    version: canonicalVersion(version),
    buildId: buildIdFor(version),
    image,
    orderQueue: versioned ? queueName(order.template, order.base, version) : order.base,
    paymentQueue: versioned ? queueName(paymentSpec.template, paymentSpec.base, version) : paymentSpec.base,
    ...(env && Object.keys(env).length > 0 ? { env } : {}),
  };
}

export function workerSet(ctx: RolloutContext, track: Track, release: ReleaseSpec): WorkerSetSpec {
  const { settings } = ctx;
  return {
    app: settings.app,
    track,
    release,
    temporal: settings.temporal,
    replicas: ctx.replicas,
    ...(settings.strategy.type === 'worker-versioning'
      ? {
          versioning: {
            deploymentName: settings.strategy.deploymentName,
            defaultBehavior: ctx.versioningBehavior ?? 'PINNED',
          },
        }
      : {}),
  };
}

export async function loadState(ctx: RolloutContext): Promise<RolloutState> {
  const state = (await ctx.store.load()) ?? emptyState(ctx.settings.app, ctx.settings.strategy.type);
  if (state.strategy !== ctx.settings.strategy.type && (state.stable || state.canary)) {
    throw new ExternalError(
      'rollout state',
      `${ctx.store.where} records strategy ${state.strategy}, but the config says ${ctx.settings.strategy.type}; finish the rollout under ${state.strategy} first`,
    );
  }
  return state;
}

export function event(entry: Omit<HistoryEntry, 'at'>): HistoryEntry {
  return { at: new Date().toISOString(), ...entry };
}

/** Sends `percent` of new work to the canary: routing file/ConfigMap, or the server's ramp. */
export async function route(
  ctx: RolloutContext,
  stable: ReleaseSpec,
  canary: ReleaseSpec | undefined,
  percent: number,
): Promise<string[]> {
  const actions: string[] = [];
  // Under worker versioning every build shares the queue: the starter sends everything there.
  const table =
    ctx.settings.strategy.type === 'task-queue'
      ? routingFor(stable.orderQueue, canary?.orderQueue, percent)
      : routingFor(stable.orderQueue, undefined, 0);
  const written = await ctx.deployer.writeRouting(table, workerSet(ctx, 'stable', stable));
  if (written.changed) actions.push(written.detail);
  if (ctx.settings.strategy.type === 'task-queue') return actions;

  const name = ctx.settings.strategy.deploymentName;
  const queuesOf = (release: ReleaseSpec) => [release.orderQueue, release.paymentQueue];
  const routing = await ctx.visibility.waitForVersion(
    name,
    (canary ?? stable).buildId,
    queuesOf(canary ?? stable),
    60_000,
  );
  let token = routing.conflictToken;
  const refresh = async () => {
    token = (await ctx.visibility.describeDeployment(name))?.conflictToken ?? token;
  };
  if (!canary || percent >= 100) {
    const target = percent >= 100 && canary ? canary : stable;
    if (routing.currentBuildId !== target.buildId) {
      await ctx.visibility.setCurrent(name, target.buildId, token);
      actions.push(`set ${name}:${target.buildId} current`);
      await refresh();
    }
    // Setting a new current clears a ramp to the same build; clear any other.
    const after = await ctx.visibility.describeDeployment(name);
    if (after?.rampingBuildId) {
      await ctx.visibility.setRamping(name, '', 0, after.conflictToken);
      actions.push(`cleared the ramp of ${name}:${after.rampingBuildId}`);
    }
    return actions;
  }
  if (routing.currentBuildId !== stable.buildId) {
    await ctx.visibility.waitForVersion(name, stable.buildId, queuesOf(stable), 60_000);
    await ctx.visibility.setCurrent(name, stable.buildId, token);
    actions.push(`set ${name}:${stable.buildId} current`);
    await refresh();
  }
  if (routing.rampingBuildId !== canary.buildId || routing.rampingPercent !== percent) {
    await ctx.visibility.setRamping(name, canary.buildId, percent, token);
    actions.push(`ramped ${name}:${canary.buildId} to ${percent}%`);
  }
  return actions;
}

/** Where a release's open runs are counted: its queue (task-queue) or its version (worker-versioning). */
export function scopeOf(ctx: RolloutContext, release: ReleaseSpec): RunScope {
  return ctx.settings.strategy.type === 'task-queue'
    ? { kind: 'task-queue', taskQueue: release.orderQueue }
    : { kind: 'version', deploymentName: ctx.settings.strategy.deploymentName, buildId: release.buildId };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long "no open runs" must hold before a drain believes it (visibility lags behind new starts). */
export const DEFAULT_VISIBILITY_SETTLE_MS = 3_000;

/**
 * Waits until no open run needs the workers of `leaving`, or acts on those runs per the drain policy:
 * terminate them with `reason`, or restart them on `staying` ("reset to stable").
 */
export async function drain(
  ctx: RolloutContext,
  leaving: ReleaseSpec,
  staying: ReleaseSpec,
  reason: string,
): Promise<DrainReport> {
  const scope = scopeOf(ctx, leaving);
  const policy = ctx.drain?.policy ?? ctx.settings.strategy.drain.policy;
  const timeoutMs = ctx.drain?.timeoutMs ?? ctx.settings.strategy.drain.timeoutMs;
  const pollMs = ctx.drain?.pollMs ?? 1_000;
  const settleMs = ctx.drain?.settleMs ?? DEFAULT_VISIBILITY_SETTLE_MS;
  const started = Date.now();
  // Visibility is eventually consistent: a run started a moment ago may not be counted yet. A zero is only
  // believed once it has held for settleMs; otherwise workers could stop under a run that still needs them.
  let zeroSince: number | undefined;
  const first = await ctx.visibility.drainTarget(scope);
  const report: DrainReport = {
    label: scopeLabel(scope),
    policy,
    openRunsAtStart: first.openRuns,
    openRunsAtEnd: first.openRuns,
    waitedMs: 0,
    drained: false,
    acted: [],
    ...(first.oldestStart ? { oldestStart: first.oldestStart } : {}),
  };
  let target = first;
  let acting = policy;
  let lastSaid: { openRuns: number; at: number } | undefined;
  for (;;) {
    report.waitedMs = Date.now() - started;
    report.openRunsAtEnd = target.openRuns;
    if (target.oldestStart) report.oldestStart = target.oldestStart;
    const decision = decideDrain(target, acting, report.waitedMs, timeoutMs, pollMs);
    if (decision.kind === 'drained') {
      zeroSince ??= Date.now();
      const unsettled = settleMs - (Date.now() - zeroSince);
      if (unsettled <= 0) {
        report.drained = true;
        return report;
      }
      await sleep(Math.min(pollMs, unsettled));
      target = await ctx.visibility.drainTarget(scope);
      continue;
    }
    zeroSince = undefined;
    if (decision.kind === 'timed-out') return report;
    if (decision.kind === 'wait') {
      // Said when the count changes, or every 10 s while it holds: a poll every 500 ms is not news.
      if (target.openRuns !== lastSaid?.openRuns || Date.now() - lastSaid.at >= 10_000) {
        ctx.log?.(`waiting for ${target.openRuns} open run(s) on ${report.label}`);
        lastSaid = { openRuns: target.openRuns, at: Date.now() };
      }
      await sleep(decision.sleepMs);
    } else {
      for (const run of await ctx.visibility.listOpenRuns(scope)) {
        if (decision.kind === 'terminate') await ctx.visibility.terminate(run, reason);
        else await ctx.visibility.restart(run, staying.orderQueue, reason);
        report.acted.push(run.workflowId);
      }
      ctx.log?.(
        `${decision.kind === 'terminate' ? 'terminated' : 'restarted'} ${report.acted.length} run(s) on ${report.label}`,
      );
      // Visibility catches up shortly; wait for it rather than acting twice on the same runs.
      acting = 'wait';
    }
    target = await ctx.visibility.drainTarget(scope);
  }
}

/** Starts `gate.count` workflows on the canary only and waits for all of them. */
export async function runGate(ctx: RolloutContext, canary: ReleaseSpec, gate: GateSpec): Promise<GateReport> {
  const started = Date.now();
  const nonce = randomUUID().slice(0, 8);
  const versioning = ctx.settings.strategy.type === 'worker-versioning';
  if (versioning) {
    // A run pinned to a version the server does not know yet would wait for nothing.
    const queues = [canary.orderQueue, canary.paymentQueue];
    await ctx.visibility.waitForVersion(ctx.settings.strategy.deploymentName, canary.buildId, queues, 60_000);
  }
  const handles = await Promise.all(
    Array.from({ length: gate.count }, (_, i) =>
      ctx.client.workflow.start(gate.workflowType, {
        taskQueue: canary.orderQueue,
        workflowId: `${ctx.settings.app}-gate-${canary.version}-${nonce}-${i}`,
        args: gate.args,
        workflowExecutionTimeout: gate.timeoutMs,
        ...(versioning
          ? {
              versioningOverride: {
                pinnedTo: { deploymentName: ctx.settings.strategy.deploymentName, buildId: canary.buildId },
              },
            }
          : {}),
      }),
    ),
  );
  const results = await Promise.allSettled(handles.map((handle) => handle.result()));
  const failures = results.flatMap((result, i) =>
    result.status === 'rejected' ? [`${handles[i]?.workflowId}: ${(result.reason as Error).message}`] : [],
  );
  return {
    started: handles.length,
    completed: handles.length - failures.length,
    failures,
    durationMs: Date.now() - started,
  };
}

/** The routing both strategies report after a step. */
export async function observedRouting(
  ctx: RolloutContext,
): Promise<Pick<StepResult, 'routing' | 'versioning'>> {
  if (ctx.settings.strategy.type === 'task-queue') {
    const routing = await ctx.deployer.readRouting();
    return routing ? { routing } : {};
  }
  const deployment = await ctx.visibility.describeDeployment(ctx.settings.strategy.deploymentName);
  if (!deployment) return {};
  return {
    versioning: {
      ...(deployment.currentBuildId ? { current: deployment.currentBuildId } : {}),
      ...(deployment.rampingBuildId ? { ramping: deployment.rampingBuildId } : {}),
      percent: deployment.rampingPercent,
    },
  };
}

export function summarize(state: RolloutState): Pick<StepResult, 'stable' | 'canary' | 'phase'> {
  return {
    phase: state.phase,
    ...(state.stable ? { stable: state.stable.version } : {}),
    ...(state.canary ? { canary: { version: state.canary.version, weight: state.canary.weight } } : {}),
  };
}
