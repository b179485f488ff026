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
 * avoid them: powers by squaring, ziggurats, and fastExp where an exp is unavoidable.
 *
 * This file is the entry point; each family lives in samplers/, one module a concept.
 */
export { fastExp } from './samplers/fastExp';
export { binomial } from './samplers/binomial';
export { logFactorial, poisson } from './samplers/poisson';
export { standardNormal, standardExponential } from './samplers/normal';
export { warmUpSamplers } from './samplers/warmUp';
export { gamma, beta, lognormal } from './samplers/gamma';
