/**
 * Binomial(n, p) on whole customers, as cref.c draws it: inversion for small means, BTPE above.
 * No normal approximation.
 */
import type { Rng } from '../rng';
import { fastExp } from './fastExp';

/** Below this mean (n * min(p, 1 - p)) a binomial is drawn by inversion, as in cref.c. */
const BINOMIAL_INVERSION_MAX_MEAN = 14;
/** Up to this n, (1 - p)^n by squaring is exact to the uniform grid (see powerBySquaring). */
const POWER_BY_SQUARING_MAX_N = 2 ** 20;

/**
 * p on its way to the out-of-line algorithms, in a typed-array slot rather than an argument: a
 * double passed to a call V8 does not inline is boxed in a new heap number, and the month loop's
 * binomials and Poissons made two thirds of a worker's garbage that way (about 60 MB a
 * 5,000-trial chunk, 70 scavenges). Written just before the call and read first thing in the
 * callee, so no other draw comes between.
 */
const probabilityArgument = new Float64Array(1);

/**
 * Binomial(n, p): n a non-negative integer, p in [0, 1]; an integer in [0, n]. A small entry,
 * inlined into the month loop, that hands p over in probabilityArgument.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  probabilityArgument[0] = p;
  return binomialDraw(rng, n);
}

function binomialDraw(rng: Rng, n: number): number {
  const p = probabilityArgument[0];
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // NaN or infinite n, NaN p: no draw exists, and BTPE would never accept.
  if (!(n < Infinity && p < 1)) return NaN;
  if (p <= 0.5) return binomialAtMostHalf(rng, n);
  // Both algorithms need p <= 1/2: count the failures instead (1 - p is exact for p >= 1/2).
  probabilityArgument[0] = 1 - p;
  return n - binomialAtMostHalf(rng, n);
}

/** p (in probabilityArgument) <= 1/2. */
function binomialAtMostHalf(rng: Rng, n: number): number {
  if (n * probabilityArgument[0] < BINOMIAL_INVERSION_MAX_MEAN) return binomialInversion(rng, n);
  return binomialBtpe(rng, n);
}

/**
 * Sequential search from 0 (p <= 1/2, n * p < 14): one uniform, about n * p + 1 steps.
 * p: probabilityArgument.
 */
function binomialInversion(rng: Rng, n: number): number {
  const p = probabilityArgument[0];
  const mean = n * p;
  let u = rng.nextDouble();
  // (1 - p)^n >= 1 - n p (Bernoulli's inequality): below that u the search stops at 0, so a
  // small mean, the common case of a shrinking population, needs no power at all.
  if (u <= 1 - mean) return 0;
  const q = 1 - p;
  const probZero =
    n < POWER_BY_SQUARING_MAX_N ? powerBySquaring(q, n) : fastExp(n * Math.log1p(-p));
  const ratio = p / q;
  // Rounding in the running sum can leave u above the whole pmf: give up past 10 sd and redraw.
  const tailLimit = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
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
      probX *= (ratio * (n + 1 - x)) / x; // P(x) / P(x - 1) = (n + 1 - x) p / (x q)
    }
  }
  return x;
}

/**
 * q^n by repeated squaring: a few multiplications instead of an exp and a log1p. Its relative
 * error grows to about n * 2^-52 (each squaring doubles the error so far); below
 * POWER_BY_SQUARING_MAX_N that stays under 2.3e-10, the step of the uniform grid
 * (Rng.nextDouble), so the search cannot tell it from the exact value.
 */
function powerBySquaring(base: number, exponent: number): number {
  let result = 1;
  while (exponent > 0) {
    if (exponent & 1) result *= base;
    base *= base;
    exponent >>>= 1;
  }
  return result;
}

/**
 * The four Stirling correction terms of BTPE's final test, summed in one call: a double returned
 * by a call V8 does not inline is boxed, so one return rather than four.
 */
function btpeStirlingSum(f1: number, z: number, x1: number, w: number): number {
  return btpeStirling(f1) + btpeStirling(z) + btpeStirling(x1) + btpeStirling(w);
}

/** Stirling correction term used by BTPE's final test. */
function btpeStirling(a: number): number {
  const a2 = a * a;
  return (13680 - (462 - (132 - (99 - 140 / a2) / a2) / a2) / a2) / a / 166320;
}

/**
 * BTPE (Kachitvichyanukul & Schmeiser 1988), p <= 1/2 and n * p >= 14: a triangle, two
 * parallelograms and two exponential tails envelope the pmf; most draws end in the triangle.
 * p: probabilityArgument.
 */
function binomialBtpe(rng: Rng, n: number): number {
  const p = probabilityArgument[0];
  const q = 1 - p;
  const fm = n * p + p;
  const mode = Math.floor(fm);
  const npq = n * p * q;
  const p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
  const xm = mode + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + mode);
  // cref.c's lambda = a (1 + a / 2), a = top / bottom, and then c / lambda: as
  // 2 c bottom^2 / (top (2 bottom + top)) that is one division on the way to p4, not two in a row.
  const topL = fm - xl;
  const bottomL = fm - xl * p;
  const topR = xr - fm;
  const bottomR = xr * q;
  const p2 = p1 * (1 + 2 * c);
  const areaL = (2 * c * bottomL * bottomL) / (topL * (2 * bottomL + topL));
  const areaR = (2 * c * bottomR * bottomR) / (topR * (2 * bottomR + topR));
  const p3 = p2 + areaL;
  const p4 = p3 + areaR;
  const lambdaL = c / areaL;
  const lambdaR = c / areaR;
  for (;;) {
    const u = rng.nextDouble() * p4;
    let v = rng.nextDouble();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u); // triangle: accepted at once
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(mode - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // cref.c skips v == 0 in the tails; nextDouble never returns 0, so log(v) is finite.
      y = Math.floor(xl + Math.log(v) / lambdaL);
      if (y < 0) continue;
      v = v * (u - p2) * lambdaL;
    } else {
      y = Math.floor(xr - Math.log(v) / lambdaR);
      if (y > n) continue;
      v = v * (u - p3) * lambdaR;
    }
    const k = Math.abs(y - mode);
    if (k <= 20 || k >= npq / 2 - 1) {
      if (acceptByRecursion(v, n, p / q, mode, y)) return y;
      continue;
    }
    // Squeeze on log(f(y) / f(mode)), then the exact bound with Stirling's formula.
    const rho = (k / npq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / npq + 0.5);
    const t = -(k * k) / (2 * npq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = mode + 1;
    const z = n + 1 - mode;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) +
      (n - mode + 0.5) * Math.log(z / w) +
      (y - mode) * Math.log((w * p) / (x1 * q)) +
      btpeStirlingSum(f1, z, x1, w);
    if (logV <= bound) return y;
  }
}

/**
 * Is v <= f(y) / f(mode) for Binomial(n, p)? The ratio is a product of f(i) / f(i - 1) =
 * ratio (n + 1 - i) / i with ratio = p / (1 - p); numerators and denominators are multiplied
 * separately and compared without a division (cref.c divides once per factor). Every factor
 * moves away from the mode, so each is at most 1 and the running ratio stays in [0, 1]: folding
 * it every 16 factors keeps both products below (2^53)^16, far from overflow.
 */
function acceptByRecursion(v: number, n: number, ratio: number, mode: number, y: number): boolean {
  let above = 1;
  let below = 1;
  let factors = 0;
  if (mode < y) {
    for (let i = mode + 1; i <= y; i++) {
      above *= ratio * (n + 1 - i);
      below *= i;
      if (++factors === 16) {
        above /= below;
        below = 1;
        factors = 0;
      }
    }
  } else {
    for (let i = y + 1; i <= mode; i++) {
      above *= i;
      below *= ratio * (n + 1 - i);
      if (++factors === 16) {
        above /= below;
        below = 1;
        factors = 0;
      }
    }
  }
  return v * below <= above;
}
