/**
 * Mean, standard deviation, CDF and quantiles of each resolved family, in closed form where one
 * exists. A normal is clipped to [lower, upper]: the mass outside sits on the bound, because that
 * is what a sampler that clamps its draws produces.
 */
import type { Resolved } from '../uncertain';
import { betaLogTails, betaQuantile, regularizedIncompleteBeta } from './incompleteBeta';
import { normalCdf, normalDensity, normalQuantile } from './special';

type ClippedNormal = Extract<Resolved, { family: 'normal' }>;

function clamp(value: number, lower: number, upper: number): number {
  return Math.min(upper, Math.max(lower, value));
}

/** x·p, taken as 0 when p is (an infinite bound's tail probability or density) 0. */
function weighted(x: number, p: number): number {
  return p === 0 ? 0 : x * p;
}

/**
 * Mean and variance of Y = clip(X, lower, upper) for X ~ N(mean, sd²). With Z standard and
 * α, β the standardized bounds, clip(Z, α, β) has
 *   E = αΦ(α) + β(1 - Φ(β)) + φ(α) - φ(β),
 *   E² = α²Φ(α) + β²(1 - Φ(β)) + Φ(β) - Φ(α) + αφ(α) - βφ(β),
 * from ∫zφ = -φ and ∫z²φ = Φ - zφ.
 */
export function clippedNormalMoments(r: ClippedNormal): { mean: number; variance: number } {
  if (r.sd === 0) return { mean: clamp(r.mean, r.lower, r.upper), variance: 0 };
  const alpha = (r.lower - r.mean) / r.sd;
  const beta = (r.upper - r.mean) / r.sd;
  const below = normalCdf(alpha);
  const above = normalCdf(-beta);
  // Φ(β) - Φ(α) from the two small tails when both bounds sit on one side of the mean.
  const inside =
    alpha > 0 ? normalCdf(-alpha) - above : beta < 0 ? normalCdf(beta) - below : 1 - below - above;
  const densityAlpha = Number.isFinite(alpha) ? normalDensity(alpha) : 0;
  const densityBeta = Number.isFinite(beta) ? normalDensity(beta) : 0;
  const first = weighted(alpha, below) + weighted(beta, above) + densityAlpha - densityBeta;
  const second =
    weighted(alpha * alpha, below) +
    weighted(beta * beta, above) +
    inside +
    weighted(alpha, densityAlpha) -
    weighted(beta, densityBeta);
  return { mean: r.mean + r.sd * first, variance: r.sd * r.sd * Math.max(0, second - first * first) };
}

/** The expected value; for a clipped normal, that of the clipped variable. */
export function meanOf(r: Resolved): number {
  switch (r.family) {
    case 'fixed':
      return r.value;
    case 'normal':
      return clippedNormalMoments(r).mean;
    case 'lognormal':
      return Math.exp(r.mu + (r.sigma * r.sigma) / 2);
    case 'beta':
      return r.alpha / (r.alpha + r.beta);
    case 'uniform':
      return (r.min + r.max) / 2;
    case 'triangular':
      return (r.min + r.mode + r.max) / 3;
    case 'pert':
      return r.min + ((r.max - r.min) * r.alpha) / (r.alpha + r.beta);
  }
}

/** Standard deviation of a beta(alpha, beta) variable on [0, 1]. */
function betaSd(alpha: number, beta: number): number {
  // sqrt(m(1 - m)/(alpha + beta + 1)) with m the mean: the product alpha·beta may overflow.
  const sum = alpha + beta;
  return Math.sqrt(((alpha / sum) * (beta / sum)) / (sum + 1));
}

export function sdOf(r: Resolved): number {
  switch (r.family) {
    case 'fixed':
      return 0;
    case 'normal':
      return Math.sqrt(clippedNormalMoments(r).variance);
    case 'lognormal': {
      const s2 = r.sigma * r.sigma;
      return Math.exp(r.mu + s2 / 2) * Math.sqrt(Math.expm1(s2));
    }
    case 'beta':
      return betaSd(r.alpha, r.beta);
    case 'uniform':
      return (r.max - r.min) / Math.sqrt(12);
    case 'triangular': {
      // (a² + b² + c² - ab - ac - bc) / 18, measured from min so large offsets do not cancel.
      const mode = r.mode - r.min;
      const max = r.max - r.min;
      return Math.sqrt((max * max + mode * mode - max * mode) / 18);
    }
    case 'pert':
      return (r.max - r.min) * betaSd(r.alpha, r.beta);
  }
}

/** P(X <= x). */
export function cdfOf(r: Resolved, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (r.family) {
    case 'fixed':
      return x >= r.value ? 1 : 0;
    case 'normal':
      if (x < r.lower) return 0;
      if (x >= r.upper) return 1;
      if (r.sd === 0) return x >= r.mean ? 1 : 0;
      return normalCdf((x - r.mean) / r.sd);
    case 'lognormal':
      if (x <= 0) return 0;
      if (r.sigma === 0) return Math.log(x) >= r.mu ? 1 : 0;
      return normalCdf((Math.log(x) - r.mu) / r.sigma);
    case 'beta':
      return regularizedIncompleteBeta(x, r.alpha, r.beta);
    case 'uniform':
      if (x <= r.min) return 0;
      if (x >= r.max) return 1;
      return (x - r.min) / (r.max - r.min);
    case 'triangular': {
      if (x <= r.min) return 0;
      if (x >= r.max) return 1;
      const span = r.max - r.min;
      if (x <= r.mode) return ((x - r.min) * (x - r.min)) / (span * (r.mode - r.min));
      return 1 - ((r.max - x) * (r.max - x)) / (span * (r.max - r.mode));
    }
    case 'pert': {
      if (x <= r.min) return 0;
      if (x >= r.max) return 1;
      const span = r.max - r.min;
      // Both (x - min)/span and (max - x)/span, so a point near max keeps its precision.
      return Math.exp(betaLogTails((x - r.min) / span, (r.max - x) / span, r.alpha, r.beta).lower);
    }
  }
}

/** The inverse CDF: the smallest x with P(X <= x) >= p, for p in [0, 1]. */
export function quantileOf(r: Resolved, p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  switch (r.family) {
    case 'fixed':
      return r.value;
    case 'normal':
      if (r.sd === 0) return clamp(r.mean, r.lower, r.upper);
      return clamp(r.mean + r.sd * normalQuantile(p), r.lower, r.upper);
    case 'lognormal':
      if (r.sigma === 0) return Math.exp(r.mu);
      return Math.exp(r.mu + r.sigma * normalQuantile(p));
    case 'beta':
      return betaQuantile(p, r.alpha, r.beta);
    case 'uniform':
      return r.min + p * (r.max - r.min);
    case 'triangular': {
      const span = r.max - r.min;
      if (p * span < r.mode - r.min) return r.min + Math.sqrt(p * span * (r.mode - r.min));
      return r.max - Math.sqrt((1 - p) * span * (r.max - r.mode));
    }
    case 'pert':
      return r.min + (r.max - r.min) * betaQuantile(p, r.alpha, r.beta);
  }
}

/** The 5th and 95th percentiles, to show "between low and high" next to any distribution. */
export function range90Of(r: Resolved): { low: number; high: number } {
  return { low: quantileOf(r, 0.05), high: quantileOf(r, 0.95) };
}
