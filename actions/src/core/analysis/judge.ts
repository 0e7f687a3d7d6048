import type { Assessment, MeasurementPhase } from './assess.js';
import { type AnalysisSpec, type CheckSource, type CheckSpec, hasTrafficGuard } from './spec.js';

export type Verdict = 'pass' | 'fail' | 'inconclusive';
export type CheckPhase = 'Running' | MeasurementPhase;

/** One measurement of one check, kept whatever its phase (Argo's AnalysisRun measurements). */
export interface Measurement extends Assessment {
  /** 1-based tick number. */
  index: number;
  startedAt: string;
  finishedAt: string;
}

export interface CheckResult {
  name: string;
  /** Where its measurements came from: Prometheus queries or Temporal's own view of the canary's runs. */
  source: CheckSource;
  phase: CheckPhase;
  failFast: boolean;
  counts: {
    successful: number;
    failed: number;
    inconclusive: number;
    error: number;
    consecutiveErrors: number;
  };
  /** Why the check ended in its phase (empty while running or when it passed without remark). */
  reason?: string;
  measurements: Measurement[];
}

export interface Judgement {
  /** Whether the analysis is over (a limit was crossed, or all measurements are in). */
  done: boolean;
  verdict?: Verdict;
  reasons: string[];
  checks: CheckResult[];
}

type Limits = Pick<AnalysisSpec, 'count' | 'failureLimit' | 'inconclusiveLimit' | 'consecutiveErrorLimit'>;

/** What the judge needs of a check (a Prometheus `CheckSpec`, or the Temporal-native check). */
export type JudgedCheck = Pick<CheckSpec, 'name' | 'failFast' | 'samples'> & { source?: CheckSource };

/**
 * Judges the measurements so far. Fail as soon as a fail-fast check fails once or any check fails more than
 * `failureLimit` times; inconclusive as soon as a check is inconclusive more than `inconclusiveLimit` times or
 * errors more than `consecutiveErrorLimit` times in a row; pass only after all `count` ticks, when every check
 * has at least one successful measurement and at least one check with a traffic guard passed (checks without
 * one can fail a canary but never pass it alone). Missing data never counts towards a pass.
 */
export function judge(
  limits: Limits,
  checks: JudgedCheck[],
  measurements: Map<string, Measurement[]>,
  ticks: number,
): Judgement {
  const results = checks.map((check) => checkResult(limits, check, measurements.get(check.name) ?? []));
  const failed = results.filter((r) => r.phase === 'Failed');
  const undecided = results.filter((r) => r.phase === 'Inconclusive' || r.phase === 'Error');
  if (failed.length > 0) return { done: true, verdict: 'fail', reasons: reasons(failed), checks: results };
  if (undecided.length > 0)
    return { done: true, verdict: 'inconclusive', reasons: reasons(undecided), checks: results };
  if (ticks < limits.count) return { done: false, reasons: [], checks: results };

  for (const r of results) {
    if (r.phase !== 'Running') continue;
    if (r.counts.successful === 0) {
      r.phase = 'Inconclusive';
      r.reason = `no successful measurement in ${ticks} ticks${lastMessage(r)}`;
    } else r.phase = 'Successful';
  }
  const unproven = results.filter((r) => r.phase === 'Inconclusive');
  if (unproven.length > 0)
    return { done: true, verdict: 'inconclusive', reasons: reasons(unproven), checks: results };
  if (!checks.some(hasTrafficGuard))
    return {
      done: true,
      verdict: 'inconclusive',
      reasons: [
        `no check measured the canary's traffic (${results.map((r) => r.name).join(', ')} have no traffic guard), so nothing shows the canary was exercised; enable a built-in rate check or give a check samplesQuery`,
      ],
      checks: results,
    };
  return {
    done: true,
    verdict: 'pass',
    reasons: [`all ${results.length} checks passed over ${ticks} measurements`],
    checks: results,
  };
}

function checkResult(limits: Limits, check: JudgedCheck, measurements: Measurement[]): CheckResult {
  const counts = { successful: 0, failed: 0, inconclusive: 0, error: 0, consecutiveErrors: 0 };
  for (const m of measurements) {
    if (m.phase === 'Error') counts.consecutiveErrors++;
    else counts.consecutiveErrors = 0;
    if (m.phase === 'Successful') counts.successful++;
    else if (m.phase === 'Failed') counts.failed++;
    else if (m.phase === 'Inconclusive') counts.inconclusive++;
    else counts.error++;
  }
  const result: CheckResult = {
    name: check.name,
    source: check.source ?? 'prometheus',
    phase: 'Running',
    failFast: check.failFast,
    counts,
    measurements,
  };
  const last = (phase: MeasurementPhase) =>
    [...measurements].reverse().find((m) => m.phase === phase)?.message ?? '';
  if (check.failFast && counts.failed > 0) {
    result.phase = 'Failed';
    result.reason = `hard failure (fail-fast): ${last('Failed')}`;
  } else if (counts.failed > limits.failureLimit) {
    result.phase = 'Failed';
    result.reason = `${counts.failed} failed measurements (limit ${limits.failureLimit}): ${last('Failed')}`;
  } else if (counts.inconclusive > limits.inconclusiveLimit) {
    result.phase = 'Inconclusive';
    result.reason = `${counts.inconclusive} inconclusive measurements (limit ${limits.inconclusiveLimit}): ${last('Inconclusive')}`;
  } else if (counts.consecutiveErrors > limits.consecutiveErrorLimit) {
    result.phase = 'Error';
    result.reason = `${counts.consecutiveErrors} errors in a row (limit ${limits.consecutiveErrorLimit}): ${last('Error')}`;
  }
  return result;
}

function lastMessage(r: CheckResult): string {
  const m = r.measurements.at(-1);
  return m ? ` (last: ${m.message})` : '';
}

function reasons(results: CheckResult[]): string[] {
  return results.map((r) => `${r.name}: ${r.reason ?? r.phase}`);
}
