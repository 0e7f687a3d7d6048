/**
 * Mann-Whitney U test of two independent samples (Kayenta's judge): is one sample stochastically larger than
 * the other? Exact distribution for small samples without ties; otherwise the normal approximation with the tie
 * correction and a continuity correction (the same choices as scipy.stats.mannwhitneyu).
 */

export type Alternative = 'greater' | 'less' | 'two-sided';
export type MannWhitneyMethod = 'auto' | 'exact' | 'asymptotic';

export interface MannWhitneyResult {
  /** U statistic of the first sample (number of pairs where x beats y, ties counting one half). */
  u: number;
  pValue: number;
  method: 'exact' | 'asymptotic';
}

/** Both samples at most this large and no ties → the exact distribution (scipy's `auto` uses 8). */
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
    method === 'exact' || (method === 'auto' && tieTerm === 0 && Math.max(n1, n2) <= EXACT_LIMIT);
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

/** P-value from the exact null distribution of U (counts of arrangements, by the usual recurrence). */
function exactPValue(n1: number, n2: number, u1: number, u2: number, alternative: Alternative): number {
  const counts = uDistribution(n1, n2);
  const total = counts.reduce((a, b) => a + b, 0);
  const sf = (u: number) => {
    let s = 0;
    for (let k = Math.ceil(u - 1e-9); k < counts.length; k++) s += counts[k]!;
    return s / total;
  };
  if (alternative === 'greater') return sf(u1);
  if (alternative === 'less') return sf(u2);
  return clamp01(2 * sf(Math.max(u1, u2)));
}

/** counts[u] = number of orderings of n1 x's and n2 y's whose U statistic is u. */
function uDistribution(n1: number, n2: number): number[] {
  // f[m][k] for the current n1 row, built up over n2; f(m, k, u) = f(m-1, k, u-k) + f(m, k-1, u).
  let previous: number[][] = []; // row m-1: previous[k] = distribution for (m-1, k)
  for (let m = 0; m <= n1; m++) {
    const row: number[][] = [];
    for (let k = 0; k <= n2; k++) {
      if (m === 0 || k === 0) {
        row.push([1]);
        continue;
      }
      const size = m * k + 1;
      const dist = new Array<number>(size).fill(0);
      const fromX = previous[k]!; // x placed last: it beats all k y's
      for (let u = 0; u < fromX.length; u++) dist[u + k]! += fromX[u]!;
      const fromY = row[k - 1]!; // y placed last: beats nothing
      for (let u = 0; u < fromY.length; u++) dist[u]! += fromY[u]!;
      row.push(dist);
    }
    previous = row;
  }
  return previous[n2]!;
}

/** Upper tail of the standard normal distribution. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Complementary error function (Numerical Recipes `erfcc`, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
