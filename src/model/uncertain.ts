/**
 * Uncertain inputs: any numeric parameter of a plan is either a plain number or a distribution.
 *
 * A distribution is stored the way the planner entered it (a 90% range, or a family by its own
 * parameters) and resolved to one concrete family by the kind of quantity it describes:
 * a 90% range of a probability becomes a beta, of a positive quantity a lognormal, of any other
 * quantity a normal. The maths of each family (mean, quantiles, fitting) is in distributions.ts.
 */
import * as v from 'valibot';

/** What a parameter measures; decides its allowed values and how a 90% range is read. */
export type ParamKind = 'probability' | 'positive' | 'real';

export const DISTRIBUTION_TYPES = [
  'range90',
  'normal',
  'lognormal',
  'beta',
  'uniform',
  'triangular',
  'pert',
] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

const finite = () => v.pipe(v.number(), v.finite());

/** "Between low and high, 9 times out of 10": the default way to enter an uncertain number. */
const Range90Schema = v.object({ dist: v.literal('range90'), low: finite(), high: finite() });
const NormalSchema = v.object({
  dist: v.literal('normal'),
  mean: finite(),
  sd: v.pipe(finite(), v.minValue(0)),
});
/** Lognormal by its median and the factor between its 95th percentile and its median. */
const LognormalSchema = v.object({
  dist: v.literal('lognormal'),
  median: v.pipe(finite(), v.gtValue(0)),
  factor90: v.pipe(finite(), v.minValue(1)),
});
/** Beta by its mean and concentration (alpha + beta): a larger concentration is a narrower beta. */
const BetaSchema = v.object({
  dist: v.literal('beta'),
  mean: v.pipe(finite(), v.gtValue(0), v.ltValue(1)),
  concentration: v.pipe(finite(), v.gtValue(0)),
});
const UniformSchema = v.object({ dist: v.literal('uniform'), min: finite(), max: finite() });
const TriangularSchema = v.object({
  dist: v.literal('triangular'),
  min: finite(),
  mode: finite(),
  max: finite(),
});
/** PERT: a beta on [min, max] with its mode at `mode` (the classic three-point estimate). */
const PertSchema = v.object({ dist: v.literal('pert'), min: finite(), mode: finite(), max: finite() });

export const DistributionSchema = v.variant('dist', [
  Range90Schema,
  NormalSchema,
  LognormalSchema,
  BetaSchema,
  UniformSchema,
  TriangularSchema,
  PertSchema,
]);
export type Distribution = v.InferOutput<typeof DistributionSchema>;
export type Uncertain = number | Distribution;

export function isDistribution(value: Uncertain): value is Distribution {
  return typeof value === 'object' && value !== null;
}

/**
 * A distribution resolved to one concrete family with its native parameters, clipped to
 * [lower, upper] (the allowed values of the parameter's kind). This is what samplers consume.
 */
export type Resolved =
  | { family: 'fixed'; value: number }
  | { family: 'normal'; mean: number; sd: number; lower: number; upper: number }
  | { family: 'lognormal'; mu: number; sigma: number }
  | { family: 'beta'; alpha: number; beta: number }
  | { family: 'uniform'; min: number; max: number }
  | { family: 'triangular'; min: number; mode: number; max: number }
  | { family: 'pert'; min: number; max: number; alpha: number; beta: number };
