import { InputError } from '../errors.js';
import type { ReplayFailure } from './divergence.js';
import type { RunStatus } from './history.js';
import type { PatchAuditEntry } from './patches.js';

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
}

/**
 * A live run the gate did not judge: its workflow type is not exported by the code under test, so it belongs to
 * another worker sharing the namespace (e.g. temporal-rollout's own rollout workflow). Stored histories are
 * never skipped: a type your code stopped exporting still fails on them.
 */
export interface SkippedRun {
  source: string;
  workflowType: string;
  runId?: string;
  status: RunStatus;
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
  /** Live runs of workflow types the code does not export; in no count and no verdict. */
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

/**
 * Splits replayed outcomes into the judged ones and the live runs of workflow types the code does not export
 * (the replay itself found the type missing). A stored history of a missing type stays a failure.
 */
export function skipForeignLiveRuns(outcomes: HistoryOutcome[]): {
  judged: HistoryOutcome[];
  skipped: SkippedRun[];
} {
  const judged: HistoryOutcome[] = [];
  const skipped: SkippedRun[] = [];
  for (const o of outcomes) {
    if (o.origin === 'live' && o.failure?.kind === 'missing-workflow-type')
      skipped.push({
        source: o.source,
        workflowType: o.workflowType,
        ...(o.runId ? { runId: o.runId } : {}),
        status: o.status,
      });
    else judged.push(o);
  }
  return { judged, skipped };
}

/** `rolloutWorkflow ×2, billingWorkflow`: the skipped runs by workflow type, for a report line. */
export function describeSkipped(skipped: SkippedRun[]): string {
  const byType = new Map<string, number>();
  for (const run of skipped) byType.set(run.workflowType, (byType.get(run.workflowType) ?? 0) + 1);
  return [...byType].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
}
