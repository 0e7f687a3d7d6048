import { mannWhitneyU } from './mann-whitney.js';
import type { CheckSpec, MannWhitneyRule, RatioRule, ThresholdRule } from './spec.js';

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

/** What a query gave: the values of its single series (empty when no series), or why it could not run. */
export type Reading = { ok: true; values: number[] } | { ok: false; error: string };

export interface Observation {
  canary: Reading;
  baseline?: Reading;
  canarySamples?: Reading;
  baselineSamples?: Reading;
}

export interface Assessment {
  phase: MeasurementPhase;
  message: string;
  canary?: number;
  baseline?: number;
  canarySamples?: number;
  baselineSamples?: number;
  pValue?: number;
}

/** Does the rule compare the canary with the baseline (so the baseline must be measured too)? */
export function needsBaseline(check: CheckSpec): boolean {
  return check.rule.type !== 'threshold';
}

/**
 * Turns the readings of one measurement into its phase. Missing data, NaN and too little traffic are
 * Inconclusive, never Successful; a query that could not run is an Error.
 */
export function assess(check: CheckSpec, obs: Observation): Assessment {
  const readings: [string, Reading | undefined][] = [
    ['canary', obs.canary],
    ['baseline', obs.baseline],
    ['canary samples', obs.canarySamples],
    ['baseline samples', obs.baselineSamples],
  ];
  for (const [what, reading] of readings)
    if (reading && !reading.ok) return { phase: 'Error', message: `${what} query failed: ${reading.error}` };

  const result: Assessment = { phase: 'Inconclusive', message: '' };
  if (check.samples) {
    const guard = trafficGuard(check.samples.min, obs.canarySamples, 'canary', result, 'canarySamples');
    if (guard) return { ...result, message: guard };
    if (needsBaseline(check)) {
      const baselineGuard = trafficGuard(
        check.samples.min,
        obs.baselineSamples,
        'baseline',
        result,
        'baselineSamples',
      );
      if (baselineGuard) return { ...result, message: baselineGuard };
    }
  }

  const rule = check.rule;
  if (rule.type === 'mann-whitney') return { ...result, ...assessMannWhitney(rule, obs) };
  const canary = single(obs.canary, 'canary');
  if (typeof canary === 'string') return { ...result, phase: 'Inconclusive', message: canary };
  result.canary = canary;
  if (rule.type === 'threshold') return { ...result, ...assessThreshold(rule, canary, check.unit) };
  const baseline = single(obs.baseline, 'baseline');
  if (typeof baseline === 'string') return { ...result, phase: 'Inconclusive', message: baseline };
  result.baseline = baseline;
  return { ...result, ...assessRatio(rule, canary, baseline) };
}

function trafficGuard(
  min: number,
  reading: Reading | undefined,
  side: string,
  into: Assessment,
  key: 'canarySamples' | 'baselineSamples',
): string | undefined {
  const count = reading?.ok ? reading.values[0] : undefined;
  if (count === undefined || Number.isNaN(count))
    return `no ${side} traffic data (the sample count query returned nothing)`;
  into[key] = count;
  if (reading?.ok && reading.values.length > 1)
    return `the ${side} sample count query returned ${reading.values.length} series; aggregate it with sum()`;
  if (count < min) return `too little ${side} traffic: ${fmt(count)} samples, need ${min}`;
  return undefined;
}

/** One finite value, or the reason there is none. */
function single(reading: Reading | undefined, side: string): number | string {
  if (!reading?.ok) return `no ${side} reading`;
  if (reading.values.length === 0) return `no ${side} data (empty result)`;
  if (reading.values.length > 1)
    return `the ${side} query returned ${reading.values.length} series; aggregate it to one (sum, max, histogram_quantile)`;
  const value = reading.values[0]!;
  if (Number.isNaN(value)) return `the ${side} value is NaN (no events in the window)`;
  if (!Number.isFinite(value)) return `the ${side} value is ${value} (division by zero)`;
  return value;
}

function assessThreshold(
  rule: ThresholdRule,
  canary: number,
  unit?: string,
): Pick<Assessment, 'phase' | 'message'> {
  const u = unit && unit !== 'ratio' && unit !== 'count' ? ` ${unit}` : '';
  if (rule.max !== undefined && canary > rule.max)
    return { phase: 'Failed', message: `canary ${fmt(canary)}${u} > max ${fmt(rule.max)}${u}` };
  if (rule.min !== undefined && canary < rule.min)
    return { phase: 'Failed', message: `canary ${fmt(canary)}${u} < min ${fmt(rule.min)}${u}` };
  const bounds = [
    rule.min !== undefined ? `≥ ${fmt(rule.min)}` : '',
    rule.max !== undefined ? `≤ ${fmt(rule.max)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return { phase: 'Successful', message: `canary ${fmt(canary)}${u} ${bounds}` };
}

function assessRatio(
  rule: RatioRule,
  canary: number,
  baseline: number,
): Pick<Assessment, 'phase' | 'message'> {
  const upper = baseline * rule.maxRatio + rule.allowance;
  if (canary > upper)
    return {
      phase: 'Failed',
      message: `canary ${fmt(canary)} > baseline ${fmt(baseline)} × ${rule.maxRatio}${rule.allowance ? ` + ${rule.allowance}` : ''} = ${fmt(upper)}`,
    };
  if (rule.minRatio !== undefined) {
    const lower = baseline * rule.minRatio - rule.allowance;
    if (canary < lower)
      return {
        phase: 'Failed',
        message: `canary ${fmt(canary)} < baseline ${fmt(baseline)} × ${rule.minRatio} = ${fmt(lower)}`,
      };
  }
  return {
    phase: 'Successful',
    message: `canary ${fmt(canary)} within ${rule.maxRatio}× baseline ${fmt(baseline)}`,
  };
}

function assessMannWhitney(rule: MannWhitneyRule, obs: Observation): Partial<Assessment> {
  const canary = finiteValues(obs.canary);
  const baseline = finiteValues(obs.baseline);
  const out: Partial<Assessment> = {};
  if (canary.length > 0) out.canary = median(canary);
  if (baseline.length > 0) out.baseline = median(baseline);
  if (canary.length < rule.minSamples || baseline.length < rule.minSamples)
    return {
      ...out,
      phase: 'Inconclusive',
      message: `too few points for Mann-Whitney U: canary ${canary.length}, baseline ${baseline.length}, need ${rule.minSamples} each`,
    };
  const alternative =
    rule.direction === 'increase' ? 'greater' : rule.direction === 'decrease' ? 'less' : 'two-sided';
  const { pValue } = mannWhitneyU(canary, baseline, alternative);
  out.pValue = pValue;
  const alpha = 1 - rule.confidence;
  const cm = out.canary!;
  const bm = out.baseline!;
  const shift = bm === 0 ? (cm === 0 ? 0 : Number.POSITIVE_INFINITY) : (cm - bm) / Math.abs(bm);
  const worse =
    rule.direction === 'increase'
      ? shift > rule.tolerance
      : rule.direction === 'decrease'
        ? -shift > rule.tolerance
        : Math.abs(shift) > rule.tolerance;
  const summary = `canary median ${fmt(cm)} vs baseline ${fmt(bm)} (${shift >= 0 ? '+' : ''}${fmt(shift * 100)}%), p=${fmt(pValue)}`;
  if (pValue < alpha && worse)
    return {
      ...out,
      phase: 'Failed',
      message: `${summary} < ${fmt(alpha)}: significantly worse at ${rule.confidence} confidence`,
    };
  return {
    ...out,
    phase: 'Successful',
    message: `${summary}: not significantly worse beyond ${fmt(rule.tolerance * 100)}%`,
  };
}

function finiteValues(reading: Reading | undefined): number[] {
  return reading?.ok ? reading.values.filter((v) => Number.isFinite(v)) : [];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Compact number for messages: 0.0512, 1234.5, 3e-7. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  if (Math.abs(n) >= 1e-3 && Math.abs(n) < 1e6) return String(Number(n.toPrecision(4)));
  return n.toExponential(2);
}
