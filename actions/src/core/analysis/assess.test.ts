import { describe, expect, it } from 'vitest';
import { assess, type Reading } from './assess.js';
import { builtinChecks } from './builtins.js';
import type { CheckSpec } from './spec.js';

const v = (...values: number[]): Reading => ({ ok: true, values });
const builtins = builtinChecks(10);

const threshold: CheckSpec = {
  name: 't',
  query: 'q{ {{selector}} }',
  rule: { type: 'threshold', max: 0.05 },
  failFast: false,
};
const ratio: CheckSpec = {
  name: 'r',
  query: 'q{ {{selector}} }',
  rule: { type: 'ratio', maxRatio: 1.5, allowance: 0.01 },
  failFast: false,
};

describe('assess', () => {
  it('threshold: at or below max passes, above fails, min bound too', () => {
    expect(assess(threshold, { canary: v(0.05) }).phase).toBe('Successful');
    expect(assess(threshold, { canary: v(0.0501) })).toMatchObject({ phase: 'Failed', canary: 0.0501 });
    const withMin: CheckSpec = { ...threshold, rule: { type: 'threshold', min: 10 } };
    expect(assess(withMin, { canary: v(9) }).message).toBe('canary 9 < min 10');
  });

  it('empty result, NaN, Inf and several series are inconclusive, never a pass', () => {
    expect(assess(threshold, { canary: v() })).toMatchObject({
      phase: 'Inconclusive',
      message: /empty result/,
    });
    expect(assess(threshold, { canary: v(Number.NaN) })).toMatchObject({
      phase: 'Inconclusive',
      message: /NaN/,
    });
    expect(assess(threshold, { canary: v(Number.POSITIVE_INFINITY) }).phase).toBe('Inconclusive');
    expect(assess(threshold, { canary: v(0, 0) })).toMatchObject({
      phase: 'Inconclusive',
      message: /2 series/,
    });
  });

  it('a query that could not run is an Error', () => {
    expect(assess(threshold, { canary: { ok: false, error: 'connection refused' } })).toMatchObject({
      phase: 'Error',
      message: 'canary query failed: connection refused',
    });
  });

  it('too little traffic on either side is inconclusive', () => {
    const check = builtins['activity-failure-rate'];
    expect(assess(check, { canary: v(0.5), canarySamples: v(3) })).toMatchObject({
      phase: 'Inconclusive',
      message: 'too little canary traffic: 3 samples, need 10',
      canarySamples: 3,
    });
    expect(assess(check, { canary: v(0.5), canarySamples: v() }).message).toMatch(/no canary traffic data/);
    expect(assess(check, { canary: v(0.5), canarySamples: v(10) }).phase).toBe('Failed');
    const mw = builtins['activity-latency-p95'];
    expect(
      assess(mw, { canary: v(1, 2), baseline: v(1, 2), canarySamples: v(50), baselineSamples: v(2) }).message,
    ).toMatch(/too little baseline traffic/);
  });

  it('ratio: canary against baseline × maxRatio + allowance', () => {
    expect(assess(ratio, { canary: v(0.16), baseline: v(0.1) }).phase).toBe('Successful');
    expect(assess(ratio, { canary: v(0.17), baseline: v(0.1) })).toMatchObject({
      phase: 'Failed',
      message: 'canary 0.17 > baseline 0.1 × 1.5 + 0.01 = 0.16',
      baseline: 0.1,
    });
    expect(assess(ratio, { canary: v(0.005), baseline: v(0) }).phase).toBe('Successful');
    expect(assess(ratio, { canary: v(0.1), baseline: v() }).phase).toBe('Inconclusive');
  });

  it('mann-whitney: fails a significantly and materially slower canary, passes a similar one', () => {
    const check = { ...builtins['activity-latency-p95'], samples: undefined };
    const baseline = v(100, 102, 98, 101, 99, 103, 97, 104);
    const slow = v(180, 175, 190, 185, 178, 182, 176, 188);
    const failed = assess(check, { canary: slow, baseline });
    expect(failed.phase).toBe('Failed');
    expect(failed.canary).toBe(181);
    expect(failed.baseline).toBe(100.5);
    // Every canary point above every baseline point, n=8 each: exact one-sided p = 1 / C(16, 8).
    expect(failed.pValue).toBeCloseTo(1 / 12870, 12);
    // Significantly higher but within the 25% tolerance: a pass.
    const slightly = v(110, 111, 112, 113, 114, 115, 116, 117);
    expect(assess(check, { canary: slightly, baseline }).phase).toBe('Successful');
    // Faster is never worse for direction: increase.
    expect(assess(check, { canary: v(50, 51, 52, 53, 54, 55, 56, 57), baseline }).phase).toBe('Successful');
    expect(assess(check, { canary: v(180, 181), baseline })).toMatchObject({
      phase: 'Inconclusive',
      message: /too few points.*canary 2, baseline 8, need 4/,
    });
  });
});
