/**
 * Mann-Whitney U test of two independent samples (Kayenta's judge): is one sample stochastically larger than
 * the other? Exact distribution when either sample is small and nothing ties; otherwise the normal
 * approximation with the tie correction and a continuity correction (the same choices as
 * scipy.stats.mannwhitneyu with method='auto'; checked against scipy in mann-whitney.test.ts).
 */
import erfc from '@stdlib/math-base-special-erfc';

export type Alternative = 'greater' | 'less' | 'two-sided';
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';

export interface MannWhitneyResult {
  /** U statistic of the first sample (number of pairs where x beats y, ties counting one half). */
  u: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/** scipy's `auto`: the exact distribution when either sample has at most this many points and nothing ties. */
const EXACT_LIMIT = 8;

export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  alternative: Alternative = 'two-sided',
  method: MannWhitneyMethod = 'auto',
): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('Mann-Whitney U needs at least one value in each sample');
  if ([...x, ...y].some((v) => !Number.isFinite(v)))
    throw new RangeError('Mann-Whitney U needs finite values');

  const { ranks, tieTerm } = rank([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < n1; i++) rankSumX += ranks[i]!;
  const u1 = rankSumX - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;

  const useExact =
    method === 'exact' || (method === 'auto' && tieTerm === 0 && Math.min(n1, n2) <= EXACT_LIMIT);
  if (useExact) {
    if (tieTerm !== 0)
      throw new RangeError('the exact Mann-Whitney U distribution needs samples without ties');
    const pValue = exactPValue(n1, n2, u1, u2, alternative);
    return { u: u1, pValue, method: 'exact' };
  }

  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  // Every value tied: no evidence either way.
  if (sd === 0) return { u: u1, pValue: 1, method: 'asymptotic' };
  const stat = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  const z = (stat - mean - 0.5) / sd;
  const tail = normalSf(z);
  const pValue = alternative === 'two-sided' ? Math.min(1, 2 * tail) : tail;
  return { u: u1, pValue: clamp01(pValue), method: 'asymptotic' };
}

/** Average ranks (1-based) and Σ(t³ − t) over tie groups. */
function rank(values: number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const average = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = average;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

/** P-value from the exact null distribution of U. */
function exactPValue(n1: number, n2: number, u1: number, u2: number, alternative: Alternative): number {
  const counts = uDistribution(n1, n2);
  let total = 0n;
  for (const c of counts) total += c;
  // P(U ≥ u): U takes whole values when nothing ties.
  const sf = (u: number) => {
    let tail = 0n;
    for (let k = Math.max(0, Math.ceil(u - 1e-9)); k < counts.length; k++) tail += counts[k]!;
    return Number(tail) / Number(total);
  };
  if (alternative === 'greater') return clamp01(sf(u1));
  if (alternative === 'less') return clamp01(sf(u2));
  return clamp01(2 * sf(Math.max(u1, u2)));
}

/**
 * counts[u] = number of orderings of n1 x's and n2 y's whose U statistic is u: the coefficients of the Gaussian
 * binomial [n1+n2 choose n1]_q = ∏_{i=1..m} (1 − q^(n+i)) / (1 − q^i) with m = min(n1, n2), n = max(n1, n2).
 * Whole numbers (BigInt), so large samples lose nothing to rounding before the final division.
 */
function uDistribution(n1: number, n2: number): bigint[] {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  let poly: bigint[] = [1n];
  for (let i = 1; i <= m; i++) {
    // × (1 − q^(n+i))
    const shift = n + i;
    const product = new Array<bigint>(poly.length + shift).fill(0n);
    for (let k = 0; k < poly.length; k++) {
      product[k]! += poly[k]!;
      product[k + shift]! -= poly[k]!;
    }
    // ÷ (1 − q^i): r[k] = p[k] + r[k − i]; exact, the quotient has degree i·n.
    const quotient = new Array<bigint>(i * n + 1);
    for (let k = 0; k < quotient.length; k++) quotient[k] = product[k]! + (k >= i ? quotient[k - i]! : 0n);
    poly = quotient;
  }
  return poly;
}

/** Upper tail of the standard normal distribution. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
