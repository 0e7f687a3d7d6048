// Shared by the canary, promote and rollback steps: the context they run in, release specs, routing for a
// strategy, drains and gate workflows.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Deployer, StateStore, Track, WorkerSetSpec } from '../adapters/deployer.js';
import type { RunScope, TemporalVisibility } from '../adapters/temporal-visibility.js';
import { scopeLabel } from '../adapters/temporal-visibility.js';
import { ExternalError } from '../core/errors.js';
import { type DrainReport, decideDrain } from '../core/rollout/drain.js';
import { buildIdFor, canonicalVersion } from '../core/rollout/queues.js';
import { describeRoutes, type RoutingTable, sameRouting } from '../core/rollout/routing.js';
import { emptyState, type HistoryEntry, type ReleaseSpec, type RolloutState } from '../core/rollout/state.js';
import type { DrainPolicy, RolloutConfig } from '../core/rollout-config.js';
import { sleep } from '../core/sleep.js';
import { type QueuePlacement, type RolloutStrategy, strategyFor } from './strategy.js';

export type RolloutSettings = Pick<RolloutConfig, 'app' | 'taskQueues' | 'strategy'> & {
  temporal: { address: string; namespace: string };
};

export interface RolloutContext {
  settings: RolloutSettings;
  deployer: Deployer;
  store: StateStore;
  client: Client;
  visibility: TemporalVisibility;
  /** Worker processes (or pods) per track; unset = the deployer's default (Helm: the chart's replicaCount). */
  replicas?: number;
  /** Workers' default for workflows that declare none (worker-versioning). */
  versioningBehavior?: 'PINNED' | 'AUTO_UPGRADE';
  /** Drain overrides; default from `settings.strategy.drain`. */
  drain?: {
    policy?: DrainPolicy;
    timeoutMs?: number;
    pollMs?: number;
    settleMs?: number;
    statsLagMs?: number;
  };
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
  /** Canary: the queues the new release polls and the rule that chose them (replay verdict, template, strategy). */
  queue?: QueuePlacement;
}

/** The strategy the settings name: every strategy-specific decision goes through it. */
export function strategyOf(ctx: Pick<RolloutContext, 'settings'>): RolloutStrategy {
  return strategyFor(ctx.settings);
}

/**
 * A release of `version`: its build id and, unless `queues` are given (from `RolloutStrategy.placement`), the
 * queues the strategy gives a first release.
 */
export function releaseFor(
  settings: RolloutSettings,
  version: string,
  image: string,
  env?: Record<string, string>,
  queues?: Pick<QueuePlacement, 'orderQueue' | 'paymentQueue'>,
): ReleaseSpec {
  const placed = queues ?? strategyFor(settings).placement({ version, stable: undefined });
  return {
    // Stored and compared without a leading `v`: `v1.4.0` and `1.4.0` are one release.
    version: canonicalVersion(version),
    buildId: buildIdFor(version),
    image,
    orderQueue: placed.orderQueue,
    paymentQueue: placed.paymentQueue,
    ...(env && Object.keys(env).length > 0 ? { env } : {}),
  };
}

export function workerSet(ctx: RolloutContext, track: Track, release: ReleaseSpec): WorkerSetSpec {
  const { settings } = ctx;
  const versioning = strategyOf(ctx).workerVersioning(ctx.versioningBehavior);
  return {
    app: settings.app,
    track,
    release,
    temporal: settings.temporal,
    ...(ctx.replicas !== undefined ? { replicas: ctx.replicas } : {}),
    ...(versioning ? { versioning } : {}),
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

/** Sends `percent` of new work to the canary: the starter's routing table, and whatever the strategy moves on the server. */
export async function route(
  ctx: RolloutContext,
  stable: ReleaseSpec,
  canary: ReleaseSpec | undefined,
  percent: number,
): Promise<string[]> {
  const strategy = strategyOf(ctx);
  const actions: string[] = [];
  const table = strategy.routingTable(stable, canary, percent);
  const written = await ctx.deployer.writeRouting(table, workerSet(ctx, 'stable', stable));
  if (written.changed) actions.push(written.detail);
  actions.push(...(await strategy.routeOnServer(ctx, stable, canary, percent)));
  return actions;
}

/** Where a release's open runs are counted: its queue (task-queue) or its version (worker-versioning). */
export function scopeOf(ctx: RolloutContext, release: ReleaseSpec): RunScope {
  return strategyOf(ctx).scopeOf(release);
}

/** How long "no open runs" must hold before a drain believes it (visibility lags behind new starts). */
export const DEFAULT_VISIBILITY_SETTLE_MS = 3_000;

/**
 * How stale DescribeTaskQueue statistics may be: the server caches them (measured on the dev server 1.29: three
 * starts showed up 4.7 s later). The zero must have held this long before the statistics can vouch for it.
 */
export const DEFAULT_TASK_QUEUE_STATS_LAG_MS = 5_000;

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
  const settleMs = Math.max(
    ctx.drain?.settleMs ?? DEFAULT_VISIBILITY_SETTLE_MS,
    ctx.drain?.statsLagMs ?? DEFAULT_TASK_QUEUE_STATS_LAG_MS,
  );
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
  let lastSaidQuiet: string | undefined;
  for (;;) {
    report.waitedMs = Date.now() - started;
    report.openRunsAtEnd = target.openRuns;
    if (target.oldestStart) report.oldestStart = target.oldestStart;
    const decision = decideDrain(target, acting, report.waitedMs, timeoutMs, pollMs);
    if (decision.kind === 'drained') {
      zeroSince ??= Date.now();
      const unsettled = settleMs - (Date.now() - zeroSince);
      if (unsettled <= 0) {
        // Visibility's zero has held; the matching service must agree before any worker stops.
        const quiet = await quietQueues(ctx, scope);
        report.evidence = [
          `visibility: no open run for ${((Date.now() - zeroSince) / 1000).toFixed(1)} s`,
          quiet.said,
        ];
        if (quiet.quiet) {
          report.drained = true;
          return report;
        }
        if (quiet.said !== lastSaidQuiet) ctx.log?.(`${report.label}: ${quiet.said}`);
        lastSaidQuiet = quiet.said;
        if (report.waitedMs >= timeoutMs) return report;
      }
      await sleep(Math.max(1, Math.min(pollMs, unsettled > 0 ? unsettled : pollMs)));
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

/**
 * The second drain signal: the server's matching service, which sees a new run's first workflow task at once,
 * while visibility may not have indexed the run yet. Quiet = no workflow task backlogged and none added in the
 * server's 30 s averaging window. A server that reports no statistics leaves visibility as the only signal,
 * and the evidence says so.
 */
async function quietQueues(ctx: RolloutContext, scope: RunScope): Promise<{ quiet: boolean; said: string }> {
  const activity = await ctx.visibility.queueActivity(scope);
  if (!activity) return { quiet: true, said: 'task queue statistics: not reported by this server' };
  const where = activity.queues.join(', ') || 'no queue polled by this version';
  if (activity.backlog > 0 || activity.addRate > 0) {
    return {
      quiet: false,
      said: `DescribeTaskQueue on ${where}: ${activity.backlog} workflow task(s) backlogged, ${activity.addRate.toFixed(2)}/s added in the last 30 s — a run visibility has not indexed yet may be there`,
    };
  }
  return { quiet: true, said: `DescribeTaskQueue on ${where}: no backlog, nothing added in the last 30 s` };
}

/** Starts `gate.count` workflows on the canary only and waits for all of them. */
export async function runGate(ctx: RolloutContext, canary: ReleaseSpec, gate: GateSpec): Promise<GateReport> {
  const started = Date.now();
  const nonce = randomUUID().slice(0, 8);
  const placement = await strategyOf(ctx).gateOptions(ctx, canary);
  const handles = await Promise.all(
    Array.from({ length: gate.count }, (_, i) =>
      ctx.client.workflow.start(gate.workflowType, {
        taskQueue: canary.orderQueue,
        ...placement,
        workflowId: `${ctx.settings.app}-gate-${canary.version}-${nonce}-${i}`,
        args: gate.args,
        workflowExecutionTimeout: gate.timeoutMs,
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

/**
 * The routing the rollout state means: what the starter must read while the state is what it is.
 *
 * - `stable`: all new work to stable's queue.
 * - `canary`: `canary.weight` percent to the canary's queue, the rest to stable's.
 * - `promoting` (a promotion or a manual restore draining the old release): all new work to the canary.
 * - `rolling-back`: all new work back to stable.
 *
 * Under worker versioning every build shares one queue and the server splits the work, so the table always
 * names stable's (shared) queue. undefined when nothing is stable yet.
 */
export function routingOf(ctx: RolloutContext, state: RolloutState): RoutingTable | undefined {
  return strategyOf(ctx).routingOf(state);
}

/**
 * The routing both strategies report after a step, read back from the cluster (or the local routing file).
 * Given the state the step saved, it is checked against what that state means (`routingOf`): a mismatch
 * fails the step, naming both, and a re-run repairs it (`reconcile`).
 */
export async function observedRouting(
  ctx: RolloutContext,
  state?: RolloutState,
): Promise<Pick<StepResult, 'routing' | 'versioning'>> {
  const observed = await strategyOf(ctx).observe(ctx);
  const meant = state ? routingOf(ctx, state) : undefined;
  if (state && meant && observed.routing && !sameRouting(observed.routing, meant)) {
    throw new ExternalError(
      'routing',
      `the cluster serves ${describeRoutes(observed.routing)}, but the rollout state (${state.phase}${state.canary ? `, canary ${state.canary.version}` : ''}) means ${describeRoutes(meant)}; re-run the step to repair it`,
    );
  }
  return observed;
}

export function summarize(state: RolloutState): Pick<StepResult, 'stable' | 'canary' | 'phase'> {
  return {
    phase: state.phase,
    ...(state.stable ? { stable: state.stable.version } : {}),
    ...(state.canary ? { canary: { version: state.canary.version, weight: state.canary.weight } } : {}),
  };
}
