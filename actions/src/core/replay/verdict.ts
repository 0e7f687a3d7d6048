import { InputError } from '../errors.js';
import type { ReplayFailure } from './divergence.js';
import type { RunStatus } from './history.js';
import type { PatchAuditEntry } from './patches.js';
import type { ServedQueues } from './served-queues.js';

/** How one history fared. */
export interface HistoryOutcome {
  /** File path (relative to the workspace) or `live:<workflowId>/<runId>`. */
  source: string;
  origin: 'file' | 'live';
  workflowType: string;
  runId?: string;
  status: RunStatus;
  eventCount: number;
  failure: ReplayFailure | null;
  /** A live run's task queue, as visibility reports it (empty or absent: it said none). */
  taskQueue?: string;
}

/**
 * A live run the gate did not judge: its workflow type is not exported by the code under test and its task queue
 * is not one this worker serves, so it belongs to another worker sharing the namespace (e.g. temporal-rollout's
 * own rollout workflow on `temporal-rollout`). Stored histories are never skipped.
 */
export interface SkippedRun {
  source: string;
  workflowType: string;
  runId?: string;
  status: RunStatus;
  taskQueue: string;
  /** Why it was left out, e.g. `task queue "temporal-rollout" is not one this worker serves (…)`. */
  reason: string;
}

export interface OutcomeCounts {
  total: number;
  passed: number;
  failed: number;
}

/** The replay gate's `deploy` output, which the canary step takes to choose the new release's queue. */
export type ReplayDeploy = 'same-queue' | 'new-queue';

/** A replay verdict as an input or flag gives it; `subject` names that input in the error. */
export function parseReplayDeploy(value: string, subject: string): ReplayDeploy {
  if (value !== 'same-queue' && value !== 'new-queue') {
    throw new InputError(
      subject,
      `"${value}" is not a replay verdict`,
      "pass same-queue or new-queue (the replay step's deploy output)",
    );
  }
  return value;
}

/**
 * What the canary step reads. `same-queue`: every open run replays on the new code, so new workers may poll the
 * queue production uses. `new-queue`: some open run (or, with no open run to judge by, some completed history)
 * does not replay: deploy to a new per-version task queue and drain the old one.
 */
export interface CompatibilityVerdict {
  compatible: boolean;
  deploy: ReplayDeploy;
  drainRequired: boolean;
  openRuns: OutcomeCounts;
  completedRuns: OutcomeCounts;
  reasons: string[];
  /** Completed histories that fail although open runs pass: queries and resets of those old runs will break. */
  warnings: string[];
}

export interface ReplayReport {
  sdk: { package: string; version: string; path: string };
  workflows: { workflowsPath?: string; bundlePath?: string };
  startedAt: string;
  durationMs: number;
  totals: OutcomeCounts;
  outcomes: HistoryOutcome[];
  /**
   * The task queues the gate was told this worker serves (`order-task-queue-v{major}` stands for every major), or
   * null when it was not told.
   */
  servedQueues: string[] | null;
  /** Live runs of workflow types the code does not export on queues this worker does not serve; in no count. */
  skipped: SkippedRun[];
  patches: PatchAuditEntry[];
  compatibility: CompatibilityVerdict;
  /** Whether the step fails: non-determinism always; other replay errors unless allowed. */
  passed: boolean;
}

function count(outcomes: HistoryOutcome[]): OutcomeCounts {
  const failed = outcomes.filter((o) => o.failure !== null).length;
  return { total: outcomes.length, passed: outcomes.length - failed, failed };
}

export function totals(outcomes: HistoryOutcome[]): OutcomeCounts {
  return count(outcomes);
}

function name(o: HistoryOutcome): string {
  const event = o.failure?.divergingEvent;
  return `${o.source} (${o.workflowType}${event ? `, event ${event.id} ${event.type}` : ''})`;
}

export function compatibilityVerdict(outcomes: HistoryOutcome[]): CompatibilityVerdict {
  const open = outcomes.filter((o) => o.status === 'open');
  const closed = outcomes.filter((o) => o.status !== 'open');
  const openCounts = count(open);
  const closedCounts = count(closed);
  const reasons: string[] = [];
  const warnings: string[] = [];
  const openFailures = open.filter((o) => o.failure);
  const closedFailures = closed.filter((o) => o.failure);
  if (openFailures.length > 0)
    reasons.push(`${openFailures.length} open run(s) do not replay: ${openFailures.map(name).join('; ')}`);
  if (closedFailures.length > 0) {
    const text = `${closedFailures.length} completed history(ies) do not replay: ${closedFailures.map(name).join('; ')}`;
    // Completed histories are the paths runs take; with no open run to judge by, they stand in for the open ones.
    if (open.length === 0) reasons.push(`${text} (no open run was replayed, so these stand in for them)`);
    else if (openFailures.length > 0) reasons.push(text);
    else warnings.push(`${text}; open runs are unaffected, but queries and resets of those runs will fail`);
  }
  const compatible = reasons.length === 0;
  if (compatible)
    reasons.push(
      open.length > 0
        ? `all ${open.length} open run(s) replay on the new code: the same task queue is safe`
        : `all ${closed.length} completed history(ies) replay on the new code: the same task queue is safe`,
    );
  return {
    compatible,
    deploy: compatible ? 'same-queue' : 'new-queue',
    drainRequired: !compatible,
    openRuns: openCounts,
    completedRuns: closedCounts,
    reasons,
    warnings,
  };
}

/**
 * Every failure fails the gate, except that `allowReplayErrors` tolerates errors the workflow code raised
 * (`replay-error`): non-determinism, a missing workflow type, corrupt input and unfinished replays never pass.
 */
export function gatePasses(outcomes: HistoryOutcome[], allowReplayErrors: boolean): boolean {
  return outcomes.every(
    (o) => o.failure === null || (allowReplayErrors && o.failure.kind === 'replay-error'),
  );
}

/** The open live runs of each missing workflow type on each queue, keyed `type\0queue`. */
function openRunsByTypeAndQueue(outcomes: HistoryOutcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of outcomes)
    if (o.origin === 'live' && o.status === 'open' && o.failure?.kind === 'missing-workflow-type') {
      const key = `${o.workflowType}\0${o.taskQueue ?? ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return counts;
}

/** Where the gate is told the queues this worker serves, named for both front ends. */
const SERVED_QUEUES_INPUTS = 'set task-queues or config (CLI: --task-queue, --config)';

/** Why a history of a workflow type `code` does not export fails the gate, in plain words. */
function missingTypeDetail(
  o: HistoryOutcome,
  served: ServedQueues | undefined,
  code: string,
  openRuns: Map<string, number>,
): string {
  const missing = `workflow type "${o.workflowType}" is not exported by ${code}`;
  if (o.origin === 'file') return missing;
  const queue = o.taskQueue;
  if (!queue)
    return `${missing}, and the server gave no task queue for this live run, so it cannot be told another worker's: the gate fails closed (keep the type, or close the run)`;
  if (!served)
    return `${missing}, and the replay was not told which task queues this worker serves, so this live run on task queue "${queue}" cannot be told another worker's: ${SERVED_QUEUES_INPUTS}, or keep the type`;
  if (o.status !== 'open')
    return `${missing}, and this closed run on task queue "${queue}", which this worker serves, can no longer be queried or reset on the new code: keep the type`;
  const open = openRuns.get(`${o.workflowType}\0${queue}`) ?? 1;
  return `workflow type "${o.workflowType}" has ${open} open run(s) on task queue "${queue}", which this worker serves, and is no longer exported by ${code}: those runs cannot continue on the new code; keep the type or drain those runs first`;
}

/**
 * The live-run skip rule. A live query sees the whole namespace, other workers' runs too; a live run of a workflow
 * type the code does not export (`code`) is left out only when it provably belongs to another worker: its task
 * queue is known and is not one this worker serves. On a served queue, with no queue, or when the queues this
 * worker serves are not known (`served` undefined), it stays a failure: those runs could never continue on the
 * new code. Stored histories of a missing type are never skipped. Every missing-type failure kept says why.
 */
export function skipForeignLiveRuns(
  outcomes: HistoryOutcome[],
  served: ServedQueues | undefined,
  code: string,
): { judged: HistoryOutcome[]; skipped: SkippedRun[] } {
  const openRuns = openRunsByTypeAndQueue(outcomes);
  const judged: HistoryOutcome[] = [];
  const skipped: SkippedRun[] = [];
  for (const o of outcomes) {
    if (o.failure?.kind !== 'missing-workflow-type') {
      judged.push(o);
      continue;
    }
    const queue = o.taskQueue;
    if (o.origin === 'live' && served && queue && !served.serves(queue)) {
      skipped.push({
        source: o.source,
        workflowType: o.workflowType,
        ...(o.runId ? { runId: o.runId } : {}),
        status: o.status,
        taskQueue: queue,
        reason: `task queue "${queue}" is not one this worker serves (${served.describe()})`,
      });
      continue;
    }
    judged.push({ ...o, failure: { ...o.failure, detail: missingTypeDetail(o, served, code, openRuns) } });
  }
  return { judged, skipped };
}

/** `rolloutWorkflow ×2 on temporal-rollout, billingWorkflow on billing`: the skipped runs by type and queue. */
export function describeSkipped(skipped: SkippedRun[]): string {
  const groups = new Map<string, { run: SkippedRun; n: number }>();
  for (const run of skipped) {
    const key = `${run.workflowType}\0${run.taskQueue}`;
    const group = groups.get(key);
    if (group) group.n += 1;
    else groups.set(key, { run, n: 1 });
  }
  return [...groups.values()]
    .map(({ run, n }) => `${run.workflowType}${n > 1 ? ` ×${n}` : ''} on ${run.taskQueue}`)
    .join(', ');
}
