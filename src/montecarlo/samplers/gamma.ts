/**
 * The continuous families of the uncertain inputs, built on the ziggurat draws: gamma,
 * beta (from two gammas) and lognormal.
 */
import type { Rng } from '../rng';
import { fastExp } from './fastExp';
import { standardExponential, standardNormal } from './normal';

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
