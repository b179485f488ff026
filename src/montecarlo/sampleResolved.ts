/**
 * One draw of an uncertain input, from the family its distribution was resolved to
 * (src/model/uncertain.ts). Called a dozen times a trial, before the month loop: clarity first.
 */
import type { Resolved } from '../model/uncertain';
import type { Rng } from './rng';
import { beta, lognormal, standardNormal } from './samplers';

export function sampleResolved(rng: Rng, r: Resolved): number {
  switch (r.family) {
    case 'fixed':
      return r.value;
    case 'normal':
      // Clipped, not redrawn: a normal resolved for a bounded kind keeps its mass at the bound.
      return Math.min(r.upper, Math.max(r.lower, r.mean + r.sd * standardNormal(rng)));
    case 'lognormal':
      return lognormal(rng, r.mu, r.sigma);
    case 'beta':
      return beta(rng, r.alpha, r.beta);
    case 'uniform':
      return r.min + (r.max - r.min) * rng.nextDouble();
    case 'triangular':
      return triangularQuantile(r.min, r.mode, r.max, rng.nextDouble());
    case 'pert':
      return r.min + (r.max - r.min) * beta(rng, r.alpha, r.beta);
  }
}

/**
 * Inverse CDF of the triangular distribution on [min, max] with its peak at mode: the CDF is
 * (x - min)^2 / ((max - min)(mode - min)) up to the mode, where it reaches
 * (mode - min) / (max - min), and 1 - (max - x)^2 / ((max - min)(max - mode)) after it.
 */
function triangularQuantile(min: number, mode: number, max: number, u: number): number {
  const width = max - min;
  if (u * width < mode - min) return min + Math.sqrt(u * width * (mode - min));
  return max - Math.sqrt((1 - u) * width * (max - mode));
}
