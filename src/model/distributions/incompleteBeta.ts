/**
 * The regularized incomplete beta function I_x(a, b) (the beta CDF) and its inverse.
 *
 * Both tails are computed in log form so that neither underflows, and each point is passed as
 * the pair (x, 1 - x) so that a point near 1 keeps its precision. Two methods share the work:
 * the continued fraction (Numerical Recipes §6.4, modified Lentz) is fast while a or b is
 * moderate, but needs O(√min(a, b)) terms; a very narrow beta (a 90% range like
 * 0.069-0.071 gives a, b ≈ 1e4-1e5) is integrated instead by Gauss-Legendre quadrature on
 * the logit scale, where its density is log-concave and smooth.
 */
import {
  HALF_LN_2PI,
  log1pMinusX,
  logBeta,
  logistic,
  logit,
  logNormalCdf,
  normalQuantile,
  stirlingRemainder,
} from './special';

/** From this min(a, b) on, quadrature is cheaper than the continued fraction and as accurate. */
const QUADRATURE_FROM = 2000;

/**
 * The continued fraction sees x only, so for x close to 1 it loses the digits of 1 - x (an error
 * near 1e-16 / (1 - x), met when a tiny probability's upper tail goes through the symmetry
 * switch); below this 1 - x, quadrature, which keeps the pair (x, 1 - x), takes over.
 */
const CONTINUED_FRACTION_MIN_Y = 0.01;

/**
 * From this min(a, b) on, the beta is a normal to within its skewness (below 2e-10, and
 * corrected to first order); a little further, a beta near 1/2 is only a handful of doubles
 * wide, too few for quadrature nodes to tell apart.
 */
const NORMAL_FROM = 1e20;

/**
 * ln(value / centre) - t where t = value / centre - 1: by its series near t = 0, directly
 * from the ratio far from it (where t alone would have lost the digits of a tiny value).
 */
function logRatioMinusOffset(value: number, centre: number, t: number): number {
  return Math.abs(t) <= 0.25 ? log1pMinusX(t) : Math.log(value / centre) - t;
}

/**
 * ln[x^a y^b / B(a, b)] as a function of (x, y = 1 - x), which is also the log-density of
 * logit(X). For large a and b the terms a ln x, b ln y and ln B are each huge and nearly cancel;
 * expanding around the mean m = a / (a + b) leaves only their small second-order parts
 * (the idea of DiDonato & Morris's BRCOMP, ACM TOMS 708).
 */
export function betaKernel(a: number, b: number): (x: number, y: number) => number {
  if (Math.min(a, b) >= 10) {
    const sum = a + b;
    const mean = a / sum;
    const meanComplement = b / sum;
    const constant =
      0.5 * (Math.log(a) + Math.log(b) - Math.log(sum)) -
      HALF_LN_2PI -
      (stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum));
    return (x, y) => {
      // x - m = (1 - m) - y, taken from whichever of x and y is the accurate one; the
      // first-order parts a·(x - m)/m and -b·(x - m)/(1 - m) cancel exactly and are left out.
      const offset = x < 0.5 ? x - mean : meanComplement - y;
      return (
        a * logRatioMinusOffset(x, mean, offset / mean) +
        b * logRatioMinusOffset(y, meanComplement, -offset / meanComplement) +
        constant
      );
    };
  }
  const lnB = logBeta(a, b);
  return (x, y) => {
    // The smaller of x and y is the accurate one; take the other's logarithm through it.
    const lnX = x < 0.5 ? Math.log(x) : Math.log1p(-y);
    const lnY = y < 0.5 ? Math.log(y) : Math.log1p(-x);
    return a * lnX + b * lnY - lnB;
  };
}

/** Smallest magnitude kept by Lentz's method, to avoid dividing by zero. */
const TINY = 1e-300;
const CONTINUED_FRACTION_MAX_TERMS = 5000;

function lentzStep(value: number): number {
  return Math.abs(value) < TINY ? TINY : value;
}

/**
 * I_x(a, b) · a · B(a, b) / (x^a y^b) as a continued fraction, which converges fast for
 * x < (a + 1)/(a + b + 2).
 */
function continuedFraction(x: number, a: number, b: number): number {
  const sum = a + b;
  let c = 1;
  let d = 1 / lentzStep(1 - (sum * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_TERMS; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / lentzStep(1 + even * d);
    c = lentzStep(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (sum + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / lentzStep(1 + odd * d);
    c = lentzStep(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on the Legendre polynomial. */
function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let previous = 1;
      let current = z;
      for (let k = 2; k <= n; k++) {
        const next = ((2 * k - 1) * z * current - (k - 1) * previous) / k;
        previous = current;
        current = next;
      }
      derivative = (n * (z * current - previous)) / (z * z - 1);
      const step = current / derivative;
      z -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes.push(z);
    weights.push(2 / ((1 - z * z) * derivative * derivative));
  }
  return { nodes, weights };
}

const GAUSS = gaussLegendre(12);

/**
 * ln I_x(a, b) by quadrature of the density of u = logit(X), e^{kernel}, which is log-concave:
 * integrate from logit(x) downwards in panels as wide as the density's local scale
 * 1 / sqrt(curvature + slope²) of its log, until a panel no longer adds anything.
 */
function lowerTailByQuadrature(x: number, y: number, a: number, b: number): number {
  const sum = a + b;
  const kernel = betaKernel(a, b);
  const logDensity = (u: number) => {
    const [ux, uy] = logistic(u);
    return kernel(ux, uy);
  };
  const mode = Math.log(a / b);
  let top = logit(x, y);
  const reference = logDensity(Math.min(top, mode));
  let total = 0;
  for (let panel = 0; panel < 5000; panel++) {
    const [tx, ty] = logistic(top);
    const slope = a * ty - b * tx;
    const halfWidth = 0.5 / Math.sqrt(sum * tx * ty + slope * slope);
    const centre = top - halfWidth;
    let area = 0;
    for (let i = 0; i < GAUSS.nodes.length; i++) {
      area += GAUSS.weights[i] * Math.exp(logDensity(centre + halfWidth * GAUSS.nodes[i]) - reference);
    }
    area *= halfWidth;
    total += area;
    const next = top - 2 * halfWidth;
    if ((top <= mode && area <= 1e-17 * total) || next === top) break;
    top = next;
  }
  return reference + Math.log(total);
}

/** ln I_x(a, b) where x lies below (a + 1)/(a + b + 2), so the lower tail is the direct one. */
function directLowerTail(x: number, y: number, a: number, b: number): number {
  if (Math.min(a, b) >= QUADRATURE_FROM || y < CONTINUED_FRACTION_MIN_Y) {
    return lowerTailByQuadrature(x, y, a, b);
  }
  return betaKernel(a, b)(x, y) + Math.log(continuedFraction(x, a, b) / a);
}

/**
 * Both log-tails of a beta with huge a and b from its normal approximation, with the first
 * Cornish-Fisher correction for its skewness γ: P(X <= x) ≈ Φ(z - γ(z² - 1)/6).
 */
function normalApproximateTails(
  x: number,
  y: number,
  a: number,
  b: number,
): { lower: number; upper: number } {
  const sum = a + b;
  const mean = a / sum;
  const meanComplement = b / sum;
  const offset = x < 0.5 ? x - mean : meanComplement - y;
  const z = offset / Math.sqrt((mean * meanComplement) / (sum + 1));
  const skewness = (2 * (b - a) * Math.sqrt(sum + 1)) / ((sum + 2) * Math.sqrt(a) * Math.sqrt(b));
  const corrected = z - (skewness * (z * z - 1)) / 6;
  return { lower: logNormalCdf(corrected), upper: logNormalCdf(-corrected) };
}

/** ln(1 - e^t) for t <= 0, accurate at both ends. */
function log1mExp(t: number): number {
  return t > -Math.LN2 ? Math.log(-Math.expm1(t)) : Math.log1p(-Math.exp(t));
}

/**
 * ln P(X <= x) and ln P(X > x) for X ~ Beta(a, b), given x and y = 1 - x. One tail is computed
 * directly (the one whose continued fraction converges), the other as its complement.
 */
export function betaLogTails(x: number, y: number, a: number, b: number): { lower: number; upper: number } {
  if (x <= 0) return { lower: -Infinity, upper: 0 };
  if (y <= 0) return { lower: 0, upper: -Infinity };
  if (Math.min(a, b) >= NORMAL_FROM) return normalApproximateTails(x, y, a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = Math.min(0, directLowerTail(x, y, a, b));
    return { lower, upper: log1mExp(lower) };
  }
  const upper = Math.min(0, directLowerTail(y, x, b, a));
  return { lower: log1mExp(upper), upper };
}

/** I_x(a, b) = P(X <= x) for X ~ Beta(a, b); a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return Math.exp(betaLogTails(x, 1 - x, a, b).lower);
}

/**
 * The x with I_x(a, b) = p. Newton's method on u = logit(x), applied to the log of the tail
 * that holds p: on that scale the beta density is log-concave, hence so is each tail, and
 * Newton's iteration on a concave (or convex) monotone function cannot diverge; a bracket
 * guards against rounding.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (Number.isNaN(p) || !(a > 0) || !(b > 0) || p < 0 || p > 1) return NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const inLower = p <= 0.5;
  // 1 - p is exact for p > 0.5.
  const target = Math.log(inLower ? p : 1 - p);
  const kernel = betaKernel(a, b);
  // Start from the normal approximation on the logit scale: mean ln(a/b), variance 1/a + 1/b.
  let u = Math.log(a / b) + normalQuantile(p) * Math.sqrt(1 / a + 1 / b);
  let below = -Infinity;
  let above = Infinity;
  for (let iteration = 0; iteration < 200; iteration++) {
    const [x, y] = logistic(u);
    const tails = betaLogTails(x, y, a, b);
    const tail = inLower ? tails.lower : tails.upper;
    // The residual grows with u: the lower tail grows, the upper one shrinks.
    const residual = inLower ? tail - target : target - tail;
    if (residual === 0) return x;
    if (residual > 0) above = u;
    else below = u;
    const step = residual / Math.exp(kernel(x, y) - tail);
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(u))) return logistic(u - step)[0];
    let next = u - step;
    if (!(next > below && next < above)) {
      if (Number.isFinite(below) && Number.isFinite(above)) next = below + (above - below) / 2;
      else if (Number.isFinite(below)) next = below + Math.max(1, Math.abs(below));
      else next = above - Math.max(1, Math.abs(above));
    }
    if (logistic(next)[0] === x) return x;
    u = next;
  }
  return logistic(u)[0];
}
