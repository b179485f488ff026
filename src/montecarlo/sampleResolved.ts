/**
 * Draws of an uncertain input, from the family its distribution was resolved to
 * (src/model/uncertain.ts). A dozen a trial, before the month loop: clarity first.
 */
import type { Resolved } from '../model/uncertain';
import type { Rng } from './rng';
import { beta, lognormal, standardNormal } from './samplers';

/** One draw of one input's distribution. */
export type Sampler = (rng: Rng) => number;

/**
 * A sampler bound to one resolved distribution, made once per run. The trial's parameter draws
 * call these small functions instead of one switch over every family, which V8 compiled again
 * into each function it was inlined in (a worker's compile time for a cold 5,000-trial run fell
 * by about a quarter).
 */
export function samplerOf(r: Resolved): Sampler {
  switch (r.family) {
    case 'fixed': {
      const { value } = r;
      return () => value;
    }
    case 'normal': {
      const { mean, sd, lower, upper } = r;
      // Clipped, not redrawn: a normal resolved for a bounded kind keeps its mass at the bound.
      return (rng) => Math.min(upper, Math.max(lower, mean + sd * standardNormal(rng)));
    }
    case 'lognormal': {
      const { mu, sigma } = r;
      return (rng) => lognormal(rng, mu, sigma);
    }
    case 'beta': {
      const { alpha, beta: betaShape } = r;
      return (rng) => beta(rng, alpha, betaShape);
    }
    case 'uniform': {
      const { min, max } = r;
      return (rng) => min + (max - min) * rng.nextDouble();
    }
    case 'triangular': {
      const { min, mode, max } = r;
      return (rng) => triangularQuantile(min, mode, max, rng.nextDouble());
    }
    case 'pert': {
      const { min, max, alpha, beta: betaShape } = r;
      return (rng) => min + (max - min) * beta(rng, alpha, betaShape);
    }
  }
}

/** One draw of `r` (tests and one-off draws; a run binds its samplers once with samplerOf). */
export function sampleResolved(rng: Rng, r: Resolved): number {
  return samplerOf(r)(rng);
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
