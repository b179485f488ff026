/**
 * The beta distribution whose 5th and 95th percentiles are a given 90% range.
 *
 * The beta is parametrised by u = logit(mean) and w = ln(concentration), so both unknowns are
 * unbounded. For a fixed concentration, the mean that balances the two tails
 * (P(X <= low) = P(X > high)) is unique, because a beta with more of its concentration on `alpha`
 * is stochastically larger; at that mean, a larger concentration makes both tails thinner.
 * So the fit is two nested one-dimensional root searches, each bracketed and closed by
 * Brent's method, which converge for every 0 < low < high < 1 including U-shaped betas.
 */
import { betaLogTails, betaQuantile } from './incompleteBeta';
import { rootOfDecreasing } from './rootFinding';
import { logistic, logit, Z95 } from './special';

const LN_TAIL = Math.log(0.05);

/** How closely the fitted percentiles must match the range, relative to each bound. */
export const BETA_FIT_TOLERANCE = 1e-9;

/** Log-tails far below any representable probability are clamped so Brent's steps stay finite. */
function finite(value: number): number {
  return Math.max(-1e6, Math.min(1e6, value));
}

/**
 * Alpha and beta of the beta distribution with 5th percentile `low` and 95th percentile `high`,
 * or null if the search fails (which the grid tests show it does not for 0 < low < high < 1).
 */
export function fitBetaToRange90(low: number, high: number): { alpha: number; beta: number } | null {
  if (!(low > 0 && low < high && high < 1)) return null;
  const lowComplement = 1 - low;
  const highComplement = 1 - high;
  const shape = (u: number, w: number) => {
    const [mean, meanComplement] = logistic(u);
    const concentration = Math.exp(w);
    return { alpha: concentration * mean, beta: concentration * meanComplement };
  };
  const lowerTail = (u: number, w: number) => {
    const { alpha, beta } = shape(u, w);
    return betaLogTails(low, lowComplement, alpha, beta).lower;
  };
  const upperTail = (u: number, w: number) => {
    const { alpha, beta } = shape(u, w);
    return betaLogTails(high, highComplement, alpha, beta).upper;
  };

  // Starting point: the beta with the mean and standard deviation of a normal with this 90%
  // range, mean (low + high)/2 and sd (high - low)/(2·1.645); its concentration
  // m(1 - m)/sd² - 1, at least 1.7 for any range inside (0, 1), is taken in logs because sd²
  // underflows for a range like (1e-200, 2e-200).
  const startMean = (low + high) / 2;
  const sd = (high - low) / (2 * Z95);
  const lnRatio = Math.log(startMean) + Math.log1p(-startMean) - 2 * Math.log(sd);
  const startW = lnRatio + Math.log1p(-Math.exp(-lnRatio));
  const spread = (logit(high, highComplement) - logit(low, lowComplement)) / (2 * Z95);

  // Each search starts from the balancing mean found for the previous concentration. A shift
  // δ of the logit mean moves both percentiles by at most a relative δ, hence its tolerance.
  let u = logit(startMean, 1 - startMean);
  const balancedMean = (w: number): number => {
    const balance = (v: number) => finite(lowerTail(v, w) - upperTail(v, w));
    const root = rootOfDecreasing(balance, u, spread / 2 + 1e-9, 1e-12);
    if (root === null) return NaN;
    u = root;
    return u;
  };
  // A change δ of ln(concentration) moves the 5th percentile by about 0.8·sd·δ; asking for a
  // hundredth of the fit tolerance spares a narrow range the search for digits that rounding
  // of `low` itself has already blurred.
  const wTolerance = Math.min(1e-3, Math.max(1e-13, (BETA_FIT_TOLERANCE / 100) * (low / sd)));
  const width = (w: number) => finite(lowerTail(balancedMean(w), w) - LN_TAIL);
  const w = rootOfDecreasing(width, startW, 0.5, wTolerance);
  if (w === null) return null;
  const mean = balancedMean(w);
  if (Number.isNaN(mean)) return null;

  const fit = shape(mean, w);
  const fitted5 = betaQuantile(0.05, fit.alpha, fit.beta);
  const fitted95 = betaQuantile(0.95, fit.alpha, fit.beta);
  const close = (value: number, target: number) => Math.abs(value - target) <= BETA_FIT_TOLERANCE * target;
  if (!close(fitted5, low) || !close(fitted95, high)) return null;
  return fit;
}
