import type { DrainPolicy } from '../rollout-config.js';

/** Open runs that still need the workers about to stop. */
export interface DrainTarget {
  /** What is draining, for the report: `task queue order-task-queue-v1` or `build 1.4.0`. */
  label: string;
  openRuns: number;
  /** Start time of the oldest open run, when known. */
  oldestStart?: string;
}

export type DrainDecision =
  | { kind: 'drained' }
  | { kind: 'wait'; sleepMs: number }
  /** The wait timed out: keep the workers, report, and let a re-run continue. */
  | { kind: 'timed-out' }
  | { kind: 'terminate' }
  | { kind: 'reset' };

/**
 * What to do about open runs at one moment of a drain. `wait` polls until `timeoutMs`; `terminate` and
 * `reset` act on the runs at once (with a reason) instead of waiting.
 */
export function decideDrain(
  target: DrainTarget,
  policy: DrainPolicy,
  waitedMs: number,
  timeoutMs: number,
  pollMs: number,
): DrainDecision {
  if (target.openRuns === 0) return { kind: 'drained' };
  if (policy === 'terminate') return { kind: 'terminate' };
  if (policy === 'reset') return { kind: 'reset' };
  if (waitedMs >= timeoutMs) return { kind: 'timed-out' };
  return { kind: 'wait', sleepMs: Math.max(1, Math.min(pollMs, timeoutMs - waitedMs)) };
}

export interface DrainReport {
  label: string;
  policy: DrainPolicy;
  /** Open runs when the drain began and when it ended. */
  openRunsAtStart: number;
  openRunsAtEnd: number;
  waitedMs: number;
  drained: boolean;
  oldestStart?: string;
  /** Runs terminated or restarted on the stable release, by workflow id. */
  acted: string[];
  /**
   * Why the drain believed (or did not yet believe) "no open runs": visibility's zero held for the settle
   * time, and what the server's matching service saw on the release's queues (which does not lag visibility).
   */
  evidence?: string[];
}

export function describeDrain(report: DrainReport): string {
  const evidence = report.evidence?.length ? ` (${report.evidence.join('; ')})` : '';
  return describeCounts(report) + evidence;
}

function describeCounts(report: DrainReport): string {
  if (report.openRunsAtStart === 0 && report.drained) return `${report.label}: no open runs`;
  if (report.openRunsAtStart === 0 && report.openRunsAtEnd === 0) {
    return `${report.label}: visibility counts no open run, but it is not believed yet after ${(report.waitedMs / 1000).toFixed(1)} s; its workers keep running`;
  }
  const acted =
    report.acted.length > 0
      ? `, ${report.policy === 'terminate' ? 'terminated' : 'restarted on stable'} ${report.acted.length}`
      : '';
  if (report.drained) {
    return `${report.label}: ${report.openRunsAtStart} open run(s) drained in ${(report.waitedMs / 1000).toFixed(1)} s${acted}`;
  }
  const oldest = report.oldestStart ? `, oldest started ${report.oldestStart}` : '';
  return `${report.label}: still ${report.openRunsAtEnd} open run(s) after ${(report.waitedMs / 1000).toFixed(1)} s${oldest}; its workers keep running`;
}
