import { describe, expect, it } from 'vitest';
import { mannWhitneyU, normalSf } from './mann-whitney.js';

// Reference values from scipy 1.17.1: scipy.stats.mannwhitneyu(x, y, alternative=..., method=...,
// use_continuity=True), computed in a venv on 2026-11-25 and pasted here.
const small = { x: [1.1, 2.3, 3.7, 4.2, 8.9], y: [0.5, 0.9, 1.4, 2.0, 2.2, 3.1] };
const ties = {
  x: [10, 12, 12, 15, 20, 20, 22, 25, 30, 31],
  y: [8, 10, 10, 11, 12, 14, 15, 15, 16, 18, 19],
};
const large = {
  x: [0.021, 0.034, 0.05, 0.047, 0.061, 0.055, 0.072, 0.068, 0.049, 0.052, 0.066, 0.071],
  y: [0.01, 0.012, 0.02, 0.018, 0.015, 0.022, 0.011, 0.019, 0.025, 0.016, 0.014, 0.017],
};
const equalish = { x: [5, 6, 7, 8, 9, 10, 11, 12, 13], y: [5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5] };

const cases = [
  ['small', small, 'greater', 'exact', 25, 0.04112554112554113],
  ['small', small, 'greater', 'asymptotic', 25, 0.04141871257940315],
  ['small', small, 'less', 'exact', 25, 0.974025974025974],
  ['small', small, 'less', 'asymptotic', 25, 0.972382873140968],
  ['small', small, 'two-sided', 'exact', 25, 0.08225108225108226],
  ['small', small, 'two-sided', 'asymptotic', 25, 0.0828374251588063],
  ['ties', ties, 'greater', 'asymptotic', 84, 0.021929582617906777],
  ['ties', ties, 'less', 'asymptotic', 84, 0.9815175389153439],
  ['ties', ties, 'two-sided', 'asymptotic', 84, 0.043859165235813555],
  ['large', large, 'greater', 'exact', 142, 1.479204602101358e-6],
  ['large', large, 'greater', 'asymptotic', 142, 3.00288014840245e-5],
  ['large', large, 'less', 'exact', 142, 0.9999992603976989],
  ['large', large, 'two-sided', 'exact', 142, 2.958409204202716e-6],
  ['large', large, 'two-sided', 'asymptotic', 142, 6.0057602968049e-5],
  ['equalish', equalish, 'greater', 'exact', 36, 0.6667626491155904],
  ['equalish', equalish, 'greater', 'asymptotic', 36, 0.6705783725253597],
  ['equalish', equalish, 'less', 'exact', 36, 0.3652200740436034],
  ['equalish', equalish, 'two-sided', 'asymptotic', 36, 0.7239320396139757],
] as const;

describe('mannWhitneyU', () => {
  it.each(cases)('%s %s %s matches scipy', (_name, sample, alternative, method, u, p) => {
    const result = mannWhitneyU(sample.x, sample.y, alternative, method);
    expect(result.u).toBe(u);
    expect(result.method).toBe(method);
    // erfc approximation: relative error below 1.2e-7; the exact path is exact up to float rounding.
    expect(Math.abs(result.pValue - p)).toBeLessThan(Math.max(1e-12, p * 5e-7));
  });

  it('auto picks exact for small samples without ties and the approximation otherwise', () => {
    expect(mannWhitneyU(small.x, small.y, 'greater').method).toBe('exact');
    expect(mannWhitneyU(ties.x, ties.y, 'greater').method).toBe('asymptotic');
    expect(mannWhitneyU(large.x, large.y, 'greater').method).toBe('asymptotic');
  });

  it('refuses exact with ties, empty samples and non-finite values', () => {
    expect(() => mannWhitneyU(ties.x, ties.y, 'greater', 'exact')).toThrow(/ties/);
    expect(() => mannWhitneyU([], [1])).toThrow(/at least one/);
    expect(() => mannWhitneyU([Number.NaN], [1])).toThrow(/finite/);
  });

  it('gives p = 1 when every value is the same', () => {
    expect(mannWhitneyU([3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], 'greater').pValue).toBe(1);
  });

  it('normalSf matches known tail values', () => {
    expect(normalSf(0)).toBeCloseTo(0.5, 7);
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalSf(-1.6448536269514722)).toBeCloseTo(0.95, 7);
  });
});
