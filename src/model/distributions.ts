/**
 * The maths of uncertain inputs: resolving what the planner entered (see uncertain.ts) to one
 * concrete family, that family's mean, spread, CDF and quantiles, and the special functions
 * beneath them. The code lives in ./distributions/, one concern a file; this is its one entry.
 */
export type { Domain, DistributionProblem } from './distributions/resolve';
export {
  allowedFamilies,
  distributionProblem,
  expectedValue,
  kindDomain,
  resolve,
} from './distributions/resolve';
export { cdfOf, meanOf, quantileOf, range90Of, sdOf } from './distributions/families';
export { fitBetaToRange90 } from './distributions/betaFit';
export { betaQuantile, regularizedIncompleteBeta } from './distributions/incompleteBeta';
export { logGamma, normalCdf, normalQuantile, Z95 } from './distributions/special';
