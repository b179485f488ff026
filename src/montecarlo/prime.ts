/**
 * Type feedback for every branch of the samplers before the JIT optimises them.
 *
 * V8 compiles a hot function with the branches it has seen so far; the first time a rare
 * branch runs afterwards (a Poisson mean below 10, a gamma shape below 1, a tail of the normal
 * ziggurat, a binomial with p above one half), the optimised code is thrown away and rebuilt.
 * In a worker that shares its cores with another, each rebuild leaves the trial loop in slow
 * code for tens of milliseconds. A few thousand cheap draws through every branch first, once
 * per thread, avoid that (measured on the bench: see the Monte Carlo issue's notes).
 */
import { Rng } from './rng';
import { beta, binomial, gamma, lognormal, poisson, standardNormal } from './samplers';

let primed = false;

export function primeSamplers(): void {
  if (primed) return;
  primed = true;
  const rng = new Rng(0x5eed, 0xffffffff);
  let sink = 0;
  for (let i = 0; i < 400; i++) {
    sink += binomial(rng, 10 + (i % 50), 0.1); // inversion
    sink += binomial(rng, 40 + i, 0.6); // p > 1/2, inversion or BTPE
    sink += binomial(rng, 2000 + 17 * i, 0.02 + (i % 7) * 0.01); // BTPE
    sink += binomial(rng, 20000, 0.07); // BTPE, large mean
    sink += poisson(rng, 0.5 + (i % 9)); // inversion
    sink += poisson(rng, 10 + 3 * i); // PTRS
    sink += gamma(rng, 0.3 + (i % 5) * 0.2); // shape below 1
    sink += gamma(rng, 1 + (i % 40)); // Marsaglia–Tsang
    sink += beta(rng, 1 + (i % 30), 2 + (i % 200));
    sink += lognormal(rng, 0, 0.2);
  }
  for (let i = 0; i < 4000; i++) sink += standardNormal(rng); // reaches the ziggurat's slow layers
  if (!Number.isFinite(sink)) throw new Error('sampler priming produced a non-finite value');
}
