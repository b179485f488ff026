/**
 * Exact samplers for the Monte Carlo engine: binomial and Poisson draws on whole customers every
 * month, and the continuous families of the uncertain inputs.
 *
 * The discrete algorithms are those of the C yardstick (shared/bench/cref.c), so both programs
 * draw from the same distributions: binomial by inversion for small means and BTPE above, Poisson
 * by inversion for small means and PTRS above, gamma by Marsaglia–Tsang. The normal, and the
 * exponential of the gamma boost, are ziggurats where cref.c uses the polar method and a pow. None
 * uses a normal approximation.
 *
 * Written for V8: plain functions of numbers, no allocation, no closures, tables in typed arrays.
 * V8 runs Math.exp and Math.log as calls into C++ of about 25 ns (glibc: 12 ns), so the hot paths
 * avoid them: powers by squaring, ziggurats, and fastExp below where an exp is unavoidable.
 */
import type { Rng } from './rng';

// ---------------------------------------------------------------- fast exp

/** ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (fdlibm's constants). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** exp: 2^(j / 64) for j < 64, and 2^k for the normal range of k. */
const EXP_TABLE_BITS = 6;
const EXP_TABLE_SIZE = 1 << EXP_TABLE_BITS;
const expFraction = new Float64Array(EXP_TABLE_SIZE);
const expPowerOfTwo = new Float64Array(2046);
const EXP_STEPS_PER_UNIT = EXP_TABLE_SIZE / Math.LN2;
const EXP_STEP_HI = LN2_HI / EXP_TABLE_SIZE;
const EXP_STEP_LO = LN2_LO / EXP_TABLE_SIZE;
buildExpTables();

function buildExpTables(): void {
  for (let j = 0; j < EXP_TABLE_SIZE; j++) expFraction[j] = 2 ** (j / EXP_TABLE_SIZE);
  for (let k = -1022; k <= 1023; k++) expPowerOfTwo[k + 1022] = 2 ** k;
}

/**
 * Natural exponential, inlined by V8 where Math.exp is a call: e^x = 2^k 2^(j/64) e^r with
 * x = (64 k + j) ln2 / 64 + r, |r| <= ln2 / 128, e^r by its Taylor series to r^6 (next term
 * < 3e-20). Within 2 ulp (tests compare it with Math.exp). Outside (-708, 709), where the result
 * leaves the normal range, and for NaN, Math.exp decides.
 */
export function fastExp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const steps = Math.round(x * EXP_STEPS_PER_UNIT);
  const r = x - steps * EXP_STEP_HI - steps * EXP_STEP_LO;
  const j = steps & (EXP_TABLE_SIZE - 1);
  const k = steps >> EXP_TABLE_BITS;
  const r2 = r * r;
  const expRMinus1 = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720)));
  const fraction = expFraction[j];
  return (fraction + fraction * expRMinus1) * expPowerOfTwo[k + 1022];
}

// ---------------------------------------------------------------- log-factorial

/** 0.5 * log(2 * pi), the constant of Stirling's series. */
const HALF_LOG_TWO_PI = 0.9189385332046727;
/** log(k!) tabulated for k < 256, as in cref.c. */
const LOG_FACTORIAL_TABLE_SIZE = 256;
/** k! is exact in doubles up to 18! (< 2^53), so its log is correctly rounded. */
const EXACT_FACTORIAL_MAX = 18;
const logFactorialTable = buildLogFactorialTable();

function buildLogFactorialTable(): Float64Array {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  let factorial = 1;
  for (let k = 0; k < LOG_FACTORIAL_TABLE_SIZE; k++) {
    if (k > 0) factorial *= k;
    table[k] = k <= EXACT_FACTORIAL_MAX ? Math.log(factorial) : stirlingLogFactorial(k);
  }
  return table;
}

/**
 * Stirling's series of log(Gamma(k + 1)) up to the x^-9 term. From k = 19 on (x = 20) the first
 * omitted term, 691 / (360360 x^11), is below 1e-17: the error is the rounding of the sum.
 */
function stirlingLogFactorial(k: number): number {
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}

/** log(k!) for integer k >= 0. */
export function logFactorial(k: number): number {
  return k < LOG_FACTORIAL_TABLE_SIZE ? logFactorialTable[k] : stirlingLogFactorial(k);
}

// ---------------------------------------------------------------- binomial

/** Below this mean (n * min(p, 1 - p)) a binomial is drawn by inversion, as in cref.c. */
const BINOMIAL_INVERSION_MAX_MEAN = 14;
/** Up to this n, (1 - p)^n by squaring is exact to the uniform grid (see powerBySquaring). */
const POWER_BY_SQUARING_MAX_N = 2 ** 20;

/** Binomial(n, p): n a non-negative integer, p in [0, 1]; an integer in [0, n]. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  // NaN or infinite n, NaN p: no draw exists, and BTPE would never accept.
  if (!(n < Infinity && p < 1)) return NaN;
  // Both algorithms need p <= 1/2: count the failures instead (1 - p is exact for p >= 1/2).
  return p > 0.5 ? n - binomialAtMostHalf(rng, n, 1 - p) : binomialAtMostHalf(rng, n, p);
}

function binomialAtMostHalf(rng: Rng, n: number, p: number): number {
  if (n * p < BINOMIAL_INVERSION_MAX_MEAN) return binomialInversion(rng, n, p);
  return binomialBtpe(rng, n, p);
}

/** Sequential search from 0 (p <= 1/2, n * p < 14): one uniform, about n * p + 1 steps. */
function binomialInversion(rng: Rng, n: number, p: number): number {
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

/** Stirling correction term used by BTPE's final test. */
function btpeStirling(a: number): number {
  const a2 = a * a;
  return (13680 - (462 - (132 - (99 - 140 / a2) / a2) / a2) / a2) / a / 166320;
}

/**
 * BTPE (Kachitvichyanukul & Schmeiser 1988), p <= 1/2 and n * p >= 14: a triangle, two
 * parallelograms and two exponential tails envelope the pmf; most draws end in the triangle.
 */
function binomialBtpe(rng: Rng, n: number, p: number): number {
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
      btpeStirling(f1) +
      btpeStirling(z) +
      btpeStirling(x1) +
      btpeStirling(w);
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

// ---------------------------------------------------------------- Poisson

/** Below this mean a Poisson is drawn by inversion, at and above it by PTRS, as in cref.c. */
const POISSON_PTRS_MIN_MEAN = 10;

/** Poisson(mean): a non-negative integer; 0 for mean <= 0. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (!(mean < Infinity)) return NaN; // NaN or infinite: PTRS would never accept
  return mean < POISSON_PTRS_MIN_MEAN ? poissonInversion(rng, mean) : poissonPtrs(rng, mean);
}

/**
 * Sequential search from 0 (mean < 10): one uniform and about mean + 1 steps, where cref.c's
 * multiplication of uniforms takes mean + 1 uniforms. Same distribution, fewer generator calls.
 */
function poissonInversion(rng: Rng, mean: number): number {
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
 * log-free test.
 */
function poissonPtrs(rng: Rng, mean: number): number {
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

// ---------------------------------------------------------------- continuous families

/**
 * Ziggurats (Marsaglia & Tsang 2000) of 256 layers of equal area under a decreasing density f on
 * [0, inf): layer i >= 1 is the box [0, x[i]] x [f(x[i]), f(x[i + 1])], layer 0 the box
 * [0, x[0]] x [0, f(r)] whose part beyond r stands for the tail. About 99% of draws land inside
 * the next layer's edge and are accepted with no function call; cref.c's polar method takes a log,
 * a square root and a division for every normal.
 */
const ZIGGURAT_LAYERS = 256;
/** Normal, f(x) = exp(-x^2 / 2): where the tail starts, and the common area of the layers. */
const NORMAL_R = 3.6541528853610088;
const NORMAL_AREA = 0.0049286732339746552;
/** Exponential, f(x) = exp(-x). */
const EXPONENTIAL_R = 7.69711747013105;
const EXPONENTIAL_AREA = 0.0039496598225815572;
/** x[i], right edge of layer i (decreasing; x[1] = r, x[256] = 0), and f(x[i]). */
const normalX = new Float64Array(ZIGGURAT_LAYERS + 1);
const normalF = new Float64Array(ZIGGURAT_LAYERS + 1);
const exponentialX = new Float64Array(ZIGGURAT_LAYERS + 1);
const exponentialF = new Float64Array(ZIGGURAT_LAYERS + 1);
buildZiggurat(normalX, normalF, NORMAL_R, NORMAL_AREA, {
  density: (x) => Math.exp(-0.5 * x * x),
  inverse: (y) => Math.sqrt(-2 * Math.log(y)),
});
buildZiggurat(exponentialX, exponentialF, EXPONENTIAL_R, EXPONENTIAL_AREA, {
  density: (x) => Math.exp(-x),
  inverse: (y) => -Math.log(y),
});

interface ZigguratShape {
  density: (x: number) => number;
  inverse: (y: number) => number;
}

function buildZiggurat(
  xs: Float64Array,
  fs: Float64Array,
  r: number,
  area: number,
  { density, inverse }: ZigguratShape,
): void {
  xs[0] = area / density(r);
  xs[1] = r;
  // Layer i has the common area: x[i] (f(x[i + 1]) - f(x[i])) = area.
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) xs[i + 1] = inverse(density(xs[i]) + area / xs[i]);
  xs[ZIGGURAT_LAYERS] = 0;
  for (let i = 0; i <= ZIGGURAT_LAYERS; i++) fs[i] = density(xs[i]);
}

/** Standard normal (ziggurat above); no value is cached, so the Rng holds the whole state. */
export function standardNormal(rng: Rng): number {
  for (;;) {
    // Layer and position from two separate draws: sharing bits between them is the known flaw
    // of the original RNOR.
    const layer = rng.nextUint32() & (ZIGGURAT_LAYERS - 1);
    const x = (2 * rng.nextDouble() - 1) * normalX[layer];
    if (Math.abs(x) < normalX[layer + 1]) return x;
    if (layer === 0) return x < 0 ? -normalTail(rng) : normalTail(rng);
    const fLow = normalF[layer];
    if (fLow + rng.nextDouble() * (normalF[layer + 1] - fLow) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** |Z| given |Z| > r, by Marsaglia's (1964) exponential rejection. */
function normalTail(rng: Rng): number {
  for (;;) {
    const excess = -Math.log(rng.nextDouble()) / NORMAL_R;
    const exponential = -Math.log(rng.nextDouble());
    if (2 * exponential >= excess * excess) return NORMAL_R + excess;
  }
}

/** Exponential(1) (ziggurat above): -log(U) without the log, for the gamma boost. */
export function standardExponential(rng: Rng): number {
  for (;;) {
    const layer = rng.nextUint32() & (ZIGGURAT_LAYERS - 1);
    const x = rng.nextDouble() * exponentialX[layer];
    if (x < exponentialX[layer + 1]) return x;
    // The tail beyond r is r plus an exponential (memorylessness).
    if (layer === 0) return EXPONENTIAL_R - Math.log(rng.nextDouble());
    const fLow = exponentialF[layer];
    if (fLow + rng.nextDouble() * (exponentialF[layer + 1] - fLow) < Math.exp(-x)) return x;
  }
}

/**
 * Gamma(shape, 1), shape > 0: Marsaglia & Tsang 2000, with X(a) = X(a + 1) U^(1/a) for a < 1,
 * U^(1/a) taken as exp(-E / a) with E exponential: V8's Math.pow costs 55 ns.
 */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) {
    return gammaMarsagliaTsang(rng, shape + 1) * fastExp(-standardExponential(rng) / shape);
  }
  return gammaMarsagliaTsang(rng, shape);
}

function gammaMarsagliaTsang(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** log of a Gamma(shape, 1) draw, finite even where the draw itself underflows (shape << 1). */
function logGammaVariate(rng: Rng, shape: number): number {
  if (shape < 1) {
    return Math.log(gammaMarsagliaTsang(rng, shape + 1)) - standardExponential(rng) / shape;
  }
  return Math.log(gammaMarsagliaTsang(rng, shape));
}

/** Beta(alpha, beta), alpha, beta > 0: X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function beta(rng: Rng, alpha: number, beta: number): number {
  if (alpha >= 1 && beta >= 1) {
    const x = gammaMarsagliaTsang(rng, alpha);
    return x / (x + gammaMarsagliaTsang(rng, beta));
  }
  // A shape below 1 can underflow its gamma to 0 (exp(-E / a) for a small a), and 0 / (0 + 0) is
  // NaN: take the ratio from the logs instead.
  const logX = logGammaVariate(rng, alpha);
  const logY = logGammaVariate(rng, beta);
  return 1 / (1 + Math.exp(logY - logX));
}

/** Lognormal: exp(mu + sigma Z) with Z standard normal. */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(rng));
}
