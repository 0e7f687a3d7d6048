import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Alternative, type MannWhitneyMethod, mannWhitneyU, normalSf } from './mann-whitney.js';

// Reference values from scipy.stats.mannwhitneyu(x, y, alternative, method, use_continuity=True) and
// scipy.special.ndtr(-z), written by scripts/reference/mann-whitney-vectors.py (scipy in a throwaway venv).
interface Vector {
  name: string;
  x: number[];
  y: number[];
  alternative: Alternative;
  method: MannWhitneyMethod;
  u: number;
  p: number;
}
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/mann-whitney-scipy.json', import.meta.url), 'utf8'),
) as { scipy: string; mannWhitneyU: Vector[]; normalSf: { z: number; sf: number }[] };

/** Relative error, with an absolute floor for p-values near 0. */
const close = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= Math.max(1e-15, 1e-12 * Math.abs(expected));

describe(`mannWhitneyU against scipy ${reference.scipy}`, () => {
  it.each(reference.mannWhitneyU.map((v) => [`${v.name} ${v.alternative} ${v.method}`, v] as const))(
    '%s',
    (_label, v) => {
      const result = mannWhitneyU(v.x, v.y, v.alternative, v.method);
      expect(result.u).toBe(v.u);
      expect(close(result.pValue, v.p), `p ${result.pValue} vs scipy ${v.p}`).toBe(true);
    },
  );

  it("auto picks exact when either sample has ≤ 8 points and nothing ties (scipy's rule)", () => {
    const canary = [1.2, 1.9, 2.4, 3.1, 2.8];
    const baseline = [0.1, 0.5, 0.9, 1.1, 1.3, 0.2, 0.7, 1.0, 0.4, 0.3, 0.8, 0.6, 1.4];
    expect(mannWhitneyU(canary, baseline, 'greater').method).toBe('exact');
    expect(mannWhitneyU(baseline, canary, 'less').method).toBe('exact');
    expect(mannWhitneyU([...canary, 1.2], baseline, 'greater').method).toBe('asymptotic');
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(
      mannWhitneyU(
        nine,
        nine.map((v) => v + 0.5),
        'greater',
      ).method,
    ).toBe('asymptotic');
  });

  it('a 6-point canary against 10 baseline points: exact p < 0.01 where the approximation says > 0.01', () => {
    const v = reference.mannWhitneyU.find(
      (c) => c.name === 'canary6-baseline10' && c.alternative === 'two-sided' && c.method === 'auto',
    )!;
    const auto = mannWhitneyU(v.x, v.y, 'two-sided');
    expect(auto.method).toBe('exact');
    expect(auto.pValue).toBeLessThan(0.01);
    expect(mannWhitneyU(v.x, v.y, 'two-sided', 'asymptotic').pValue).toBeGreaterThan(0.01);
  });

  it('refuses exact with ties, empty samples and non-finite values', () => {
    expect(() => mannWhitneyU([1, 2, 2], [2, 3, 4], 'greater', 'exact')).toThrow(/ties/);
    expect(() => mannWhitneyU([], [1])).toThrow(/at least one/);
    expect(() => mannWhitneyU([Number.NaN], [1])).toThrow(/finite/);
  });

  it('gives p = 1 when every value is the same', () => {
    expect(mannWhitneyU([3, 3, 3, 3, 3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3, 3, 3, 3], 'greater').pValue).toBe(1);
  });
});

describe('normalSf', () => {
  it.each(reference.normalSf.map((t) => [t.z, t.sf] as const))('sf(%d) matches scipy to 1e-12', (z, sf) => {
    expect(close(normalSf(z), sf), `${normalSf(z)} vs ${sf}`).toBe(true);
  });
});
