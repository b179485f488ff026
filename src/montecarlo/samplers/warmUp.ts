/**
 * Takes every branch of the samplers once per thread, before its first trial.
 *
 * V8 optimises a function for the branches it has seen run. A branch first taken afterwards (a
 * Poisson mean that falls below 10 late in a run, a normal draw in the ziggurat's tail) throws
 * the optimised code away, with everything it was inlined into (the month loop, the parameter
 * draws), and compiles it all again. In a pool that fills every core, that compiling competes
 * with the workers themselves (bench preset: 7 such re-optimisations a worker before, none
 * after). Costs a few milliseconds, once per thread.
 */
import { Rng } from '../rng';
import { binomial } from './binomial';
import { gamma } from './gamma';
import { EXPONENTIAL_R, NORMAL_R, standardExponential, standardNormal } from './normal';
import { poisson } from './poisson';

/**
 * Streams that reach the ziggurats' tails early (about one draw in 8,000 for each side of the
 * normal, one in 2,000 for the exponential), found by search: the normal's reaches both within 171
 * draws, the exponential's at once. The loops below stop when they have, whatever the seeds.
 */
const NORMAL_TAILS_SEED = 1308;
const EXPONENTIAL_TAIL_SEED = 2755;
const WARM_UP_STREAM = 0x7e57;

let warmedUp = false;

export function warmUpSamplers(): void {
  if (warmedUp) return;
  warmedUp = true;
  const rng = new Rng(0x5eed, WARM_UP_STREAM);
  for (let i = 0; i < 100; i++) {
    binomial(rng, 0, 0.5);
    binomial(rng, 50, 1);
    binomial(rng, 50, 0.05); // inversion
    binomial(rng, 50, 0.9); // the failures counted
    binomial(rng, 400, 0.05); // BTPE, recursion near the mode
    binomial(rng, 20_000, 0.3); // BTPE, squeeze and Stirling bound
    poisson(rng, 0);
    poisson(rng, 3); // inversion
    poisson(rng, 40); // PTRS, tabulated log k!
    poisson(rng, 2000); // PTRS, Stirling's log k!
    gamma(rng, 0.5); // boosted by an exponential
    gamma(rng, 4);
  }
  // Both tails of the normal (their wedges, one draw in 50, come on the way).
  const normals = new Rng(NORMAL_TAILS_SEED, WARM_UP_STREAM);
  for (let sides = 0; sides !== 3; ) {
    const z = standardNormal(normals);
    if (z > NORMAL_R) sides |= 1;
    else if (z < -NORMAL_R) sides |= 2;
  }
  const exponentials = new Rng(EXPONENTIAL_TAIL_SEED, WARM_UP_STREAM);
  while (standardExponential(exponentials) <= EXPONENTIAL_R);
}
