/**
 * Poisson(mean) on whole customers, as cref.c draws it: inversion for small means, PTRS above.
 * No normal approximation. Also log(k!), which PTRS's final test needs.
 */
import type { Rng } from '../rng';
import { fastExp } from './fastExp';

// ---------------------------------------------------------------- log-factorial

// log(k!) lives with its one caller, PTRS's final test, not in a module of its own: V8 (Node 20)
// loads an imported binding with a TDZ check (ThrowReferenceErrorIfHole), and that check in the
// PTRS loop made bench-samplers' poisson(94) and poisson(2000) some 4-6% slower.

/** 0.5 * log(2 * pi), the constant of Stirling's series. */
const HALF_LOG_TWO_PI = 0.9189385332046727;
/** log(k!) tabulated for k < 256, as in cref.c. */
const LOG_FACTORIAL_TABLE_SIZE = 256;
/** k! is exact in doubles up to 18! (< 2^53), so its log is correctly rounded. */
const EXACT_FACTORIAL_MAX = 18;
/** Empty while it is built (logFactorial then sums the series), full afterwards. */
let logFactorialTable: Float64Array = new Float64Array(0);
logFactorialTable = buildLogFactorialTable();

function buildLogFactorialTable(): Float64Array {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  let factorial = 1;
  for (let k = 0; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
    if (k > 0) factorial *= k;
    table[k] = k <= EXACT_FACTORIAL_MAX ? Math.log(factorial) : logFactorial(k);
  }
  return table;
}

/**
 * log(k!) for integer k >= 0: from the table, else Stirling's series of log(Gamma(k + 1)) up to
 * the x^-9 term. From k = 19 on (x = 20) the first omitted term, 691 / (360360 x^11), is below
 * 1e-17: the error is the rounding of the sum.
 *
 * The series is written out here, not in a function of its own: V8 inlined this function into
 * PTRS but not one it calls, and the double that call returned came back boxed in a new heap
 * number (with the table's doubles merged into it): 1.7 KB of garbage a bench trial, two thirds
 * of a worker's.
 */
export function logFactorial(k: number): number {
  if (k < logFactorialTable.length) return logFactorialTable[k];
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}

// ---------------------------------------------------------------- Poisson

/** Below this mean a Poisson is drawn by inversion, at and above it by PTRS, as in cref.c. */
const POISSON_PTRS_MIN_MEAN = 10;
/** The mean on its way to the out-of-line algorithms (see probabilityArgument in binomial.ts). */
const meanArgument = new Float64Array(1);

/**
 * Poisson(mean): a non-negative integer; 0 for mean <= 0. A small entry, inlined into the month
 * loop, that hands the mean over in meanArgument.
 */
export function poisson(rng: Rng, mean: number): number {
  meanArgument[0] = mean;
  return poissonDraw(rng);
}

function poissonDraw(rng: Rng): number {
  const mean = meanArgument[0];
  if (mean <= 0) return 0;
  if (!(mean < Infinity)) return NaN; // NaN or infinite: PTRS would never accept
  return mean < POISSON_PTRS_MIN_MEAN ? poissonInversion(rng) : poissonPtrs(rng);
}

/**
 * Sequential search from 0 (mean < 10): one uniform and about mean + 1 steps, where cref.c's
 * multiplication of uniforms takes mean + 1 uniforms. Same distribution, fewer generator calls.
 * mean: meanArgument.
 */
function poissonInversion(rng: Rng): number {
  const mean = meanArgument[0];
  const probZero = fastExp(-mean);
  // Rounding in the running sum can leave u above the whole pmf: give up far in the tail (the
  // limit holds P(X > limit) < 1e-20 for mean < 10) and redraw.
  const tailLimit = 3 * mean + 30;
  let u = rng.nextDouble();
  let x = 0;
  let probX = probZero;
  while (u > probX) {
    x++;
    if (x > tailLimit) {
      x = 0;
      probX = probZero;
      u = rng.nextDouble();
    } else {
      u -= probX;
      probX *= mean / x;
    }
  }
  return x;
}

/**
 * PTRS (Hörmann 1993, "The transformed rejection method for generating Poisson random
 * variables"), mean >= 10: a transformed uniform proposes k; about 3 draws in 4 pass the first,
 * log-free test. mean: meanArgument.
 */
function poissonPtrs(rng: Rng): number {
  const mean = meanArgument[0];
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  let logMean = 0;
  for (;;) {
    const u = rng.nextDouble() - 0.5;
    const v = rng.nextDouble();
    // cref.c skips us == 0 here; |u| <= 0.5 - 2^-33, so us > 0.
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    // log(mean) only on the slow path, once a call; it is > 0 (mean >= 10), so 0 means "not yet".
    if (logMean === 0) logMean = Math.log(mean);
    // cref.c's log(v) + log(1/alpha) - log(a/us^2 + b), as one log.
    if (Math.log((v * invAlpha) / (a / (us * us) + b)) <= k * logMean - mean - logFactorial(k)) {
      return k;
    }
  }
}
