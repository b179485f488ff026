/**
 * Micro-benchmark of the samplers: nanoseconds per call for the cases the engine's month loop
 * meets (populations of 30 to 10,000 customers, probabilities 0.01 to 0.6, Poisson means 3 to
 * 2,000) and the parameter draws. Run with
 * `npx tsx scripts/bench-samplers.ts [calls] [rounds] [name filter]`; prints one JSON object, the
 * best of `rounds` timings per case.
 *
 * Each sampler family has its own loop calling the sampler directly, as the engine does, so V8
 * inlines the call instead of going through a function value.
 */
import { Rng } from '../src/montecarlo/rng';
import { binomial, gamma, poisson, standardNormal } from '../src/montecarlo/samplers';

type BenchCase =
  | { name: string; family: 'binomial'; trials: number; probability: number }
  | { name: string; family: 'poisson'; mean: number }
  | { name: string; family: 'gamma'; shape: number }
  | { name: string; family: 'normal' | 'double32' | 'double53' };

const CASES: BenchCase[] = [
  { name: 'binomial(10000, 0.07)', family: 'binomial', trials: 10000, probability: 0.07 },
  { name: 'binomial(9000, 0.0215)', family: 'binomial', trials: 9000, probability: 0.0215 },
  { name: 'binomial(2000, 0.02)', family: 'binomial', trials: 2000, probability: 0.02 },
  { name: 'binomial(2000, 0.01)', family: 'binomial', trials: 2000, probability: 0.01 },
  { name: 'binomial(740, 0.6)', family: 'binomial', trials: 740, probability: 0.6 },
  { name: 'binomial(94, 0.3)', family: 'binomial', trials: 94, probability: 0.3 },
  { name: 'binomial(30, 0.05)', family: 'binomial', trials: 30, probability: 0.05 },
  { name: 'poisson(94)', family: 'poisson', mean: 94 },
  { name: 'poisson(300)', family: 'poisson', mean: 300 },
  { name: 'poisson(2000)', family: 'poisson', mean: 2000 },
  { name: 'poisson(3)', family: 'poisson', mean: 3 },
  { name: 'gamma(21)', family: 'gamma', shape: 21 },
  { name: 'gamma(0.5)', family: 'gamma', shape: 0.5 },
  // A shape whose 1/shape is not 2 (Math.pow has a fast path for an exponent of 2).
  { name: 'gamma(0.3)', family: 'gamma', shape: 0.3 },
  { name: 'standardNormal', family: 'normal' },
  { name: 'nextDouble', family: 'double32' },
  // What a 53-bit double would cost: two generator steps (see Rng.nextDouble).
  { name: 'double53 (two steps)', family: 'double53' },
];

function loopBinomial(rng: Rng, calls: number, n: number, p: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += binomial(rng, n, p);
  return sum;
}

function loopPoisson(rng: Rng, calls: number, mean: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += poisson(rng, mean);
  return sum;
}

function loopGamma(rng: Rng, calls: number, shape: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += gamma(rng, shape);
  return sum;
}

function loopNormal(rng: Rng, calls: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += standardNormal(rng);
  return sum;
}

function loopDouble32(rng: Rng, calls: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) sum += rng.nextDouble();
  return sum;
}

function loopDouble53(rng: Rng, calls: number): number {
  let sum = 0;
  for (let i = 0; i < calls; i++) {
    const high = rng.nextUint32() >>> 5; // 27 bits
    const low = rng.nextUint32() >>> 6; // 26 bits
    sum += (high * 67108864 + low + 0.5) * 1.1102230246251565e-16; // (k + 0.5) / 2^53
  }
  return sum;
}

function runCase(rng: Rng, benchCase: BenchCase, calls: number): number {
  switch (benchCase.family) {
    case 'binomial':
      return loopBinomial(rng, calls, benchCase.trials, benchCase.probability);
    case 'poisson':
      return loopPoisson(rng, calls, benchCase.mean);
    case 'gamma':
      return loopGamma(rng, calls, benchCase.shape);
    case 'normal':
      return loopNormal(rng, calls);
    case 'double32':
      return loopDouble32(rng, calls);
    case 'double53':
      return loopDouble53(rng, calls);
  }
}

const calls = Number(process.argv[2] ?? 2_000_000);
const rounds = Number(process.argv[3] ?? 5);
const filter = process.argv[4] ?? '';
const selected = CASES.filter((benchCase) => benchCase.name.includes(filter));
const rng = new Rng(42, 0);
const bestNs: Record<string, number> = {};
let sink = 0;
for (let round = 0; round < rounds; round++) {
  for (const benchCase of selected) {
    const start = performance.now();
    sink += runCase(rng, benchCase, calls);
    const ns = ((performance.now() - start) * 1e6) / calls;
    bestNs[benchCase.name] = Math.min(bestNs[benchCase.name] ?? Infinity, ns);
  }
}
const nsPerCall = Object.fromEntries(
  Object.entries(bestNs).map(([name, ns]) => [name, Math.round(ns * 100) / 100]),
);
// The sink keeps the JIT from discarding the draws.
console.log(JSON.stringify({ calls, rounds, nsPerCall, sink }));
