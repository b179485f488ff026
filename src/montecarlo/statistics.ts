/**
 * Summaries of per-trial outcomes: mean, spread, exact quantiles, a histogram with round bin
 * edges, and the sensitivity of an outcome to each uncertain input. Sums run in trial order
 * and ties are broken by trial index, so the summaries are identical however trials were split
 * between workers.
 */

export const QUANTILE_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface OutcomeStats {
  /** Trials with a value (NaN marks a trial without one). */
  count: number;
  mean: number;
  sd: number;
  min: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  max: number;
  histogram: HistogramBin[];
}

/** Type-7 quantile of ascending values (numpy's default "linear"). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A step of 1, 2 or 5 × 10^k close to span / bins. */
export function niceStep(span: number, bins: number): number {
  if (!(span > 0)) return 1;
  const raw = span / bins;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const mantissa = raw / power;
  return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
}

/** Histogram of ascending values with round edges, about `bins` bins. */
export function histogramSorted(sorted: ArrayLike<number>, bins = 30): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === max) return [{ x0: min, x1: min, count: n }];
  const step = niceStep(max - min, bins);
  const first = Math.floor(min / step);
  const binCount = Math.floor(max / step) - first + 1;
  const binOf = (value: number) => Math.min(binCount - 1, Math.floor(value / step) - first);
  const result: HistogramBin[] = [];
  // The bin of a value never decreases along the sorted values: each bin's end is a binary search.
  let start = 0;
  for (let b = 0; b < binCount; b++) {
    let lo = start;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (binOf(sorted[mid]) <= b) lo = mid + 1;
      else hi = mid;
    }
    result.push({ x0: (first + b) * step, x1: (first + b + 1) * step, count: lo - start });
    start = lo;
  }
  return result;
}

/**
 * Summary of per-trial values (NaN = no value in that trial); null when no trial has one.
 * Built on one native sort: the mean and spread are summed in ascending order (the same
 * whatever order the trials arrived in) and the histogram counts come from binary searches, so
 * even the first, not yet optimised call stays cheap.
 */
export function describe(values: ArrayLike<number>, bins = 30): OutcomeStats | null {
  const all = new Float64Array(values).sort(); // NaN sorts last
  const n = countBeforeNaN(all);
  if (n === 0) return null;
  const sorted = all.subarray(0, n);
  const mean = sum(sorted) / n;
  const squares = sumOfSquaredDeviations(sorted, mean);
  return {
    count: n,
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: sorted[0],
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    p50: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    max: sorted[n - 1],
    histogram: histogramSorted(sorted, bins),
  };
}

// The loops over every trial live in functions of their own, apart from describe's other work:
// V8 optimised describe in the middle of its first loop, for that loop alone, and threw the code
// away at each later statement it had not yet seen run (five times in a bench run's last
// milliseconds, on the main thread).

/** Values before the first NaN of ascending values (NaN sorts last), by binary search. */
function countBeforeNaN(sorted: Float64Array): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Number.isNaN(sorted[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function sumOfSquaredDeviations(values: Float64Array, mean: number): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += (values[i] - mean) * (values[i] - mean);
  return total;
}

/** Share of trials (with a value) where the value is above zero; null when none has one. */
export function shareAboveZero(values: ArrayLike<number>): number | null {
  let count = 0;
  let positive = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    count++;
    if (values[i] > 0) positive++;
  }
  return count > 0 ? positive / count : null;
}

/** Index of the first element of ascending `sorted` that is ≥ v (or > v when `strict`). */
function bound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks 1..n, ties sharing their average rank. A native sort of the values and a binary search
 * per value: much faster at 100,000 trials than sorting indices with a comparator, so a
 * sensitivity row stays well under the 50 ms a page may spend between two frames.
 */
export function ranks(values: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const result = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const first = bound(sorted, values[i], false);
    const afterLast = bound(sorted, values[i], true);
    result[i] = (first + afterLast + 1) / 2;
  }
  return result;
}

/** Pearson correlation of two rank vectors (Spearman's when they are ranks); 0 when either is constant. */
export function correlationOfRanks(rx: Float64Array, ry: Float64Array): number {
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman's rank correlation; 0 when either side does not vary. */
export function rankCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return correlationOfRanks(ranks(x), ranks(y));
}

/**
 * The outcome's mean over the trials where the input was in its lowest and highest `tail`
 * share: a tornado bar from the simulation itself, other inputs varying as they do. Ties at
 * the cut are taken in trial order, so the result does not depend on how trials were split.
 */
export function tailMeans(input: ArrayLike<number>, outcome: ArrayLike<number>, tail = 0.1) {
  const n = input.length;
  const size = Math.max(1, Math.floor(n * tail));
  const sorted = Float64Array.from(input).sort();
  const lowCut = sorted[size - 1];
  const highCut = sorted[n - size];
  let low = 0;
  let high = 0;
  let lowCount = 0;
  let highCount = 0;
  for (let i = 0; i < n; i++) {
    if (input[i] < lowCut) (low += outcome[i]), lowCount++;
    if (input[i] > highCut) (high += outcome[i]), highCount++;
  }
  for (let i = 0; i < n && lowCount < size; i++) if (input[i] === lowCut) (low += outcome[i]), lowCount++;
  for (let i = 0; i < n && highCount < size; i++) if (input[i] === highCut) (high += outcome[i]), highCount++;
  return { low: low / size, high: high / size };
}
