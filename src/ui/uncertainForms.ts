/**
 * The forms an input takes in the uncertainty editor (a fixed number, or one family of
 * distribution entered by its own parameters) and the conversion from one form to another when
 * the planner switches. A switch keeps what the planner already said about the quantity: its
 * 5th, 50th and 95th percentiles (or its mean and spread), read the way each family is entered.
 */
import {
  allowedFamilies,
  expectedValue,
  meanOf,
  quantileOf,
  resolve,
  sdOf,
  Z95,
  type Domain,
} from '../model/distributions';
import type { ParameterSpec } from '../model/parameters';
import type { Distribution, DistributionType, ParamKind, Uncertain } from '../model/uncertain';

export type Form = 'fixed' | DistributionType;

/** The forms a parameter of this kind may take, in the order the editor offers them. */
export function formsFor(kind: ParamKind): Form[] {
  return ['fixed', ...allowedFamilies(kind)];
}

export function formOf(value: Uncertain): Form {
  return typeof value === 'number' ? 'fixed' : value.dist;
}

/** The numbers each family is entered by, in the order the editor shows them. */
export const FAMILY_PARAMS = {
  range90: ['low', 'high'],
  normal: ['mean', 'sd'],
  lognormal: ['median', 'factor90'],
  beta: ['mean', 'concentration'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  pert: ['min', 'mode', 'max'],
} as const satisfies {
  [F in DistributionType]: readonly Exclude<keyof Extract<Distribution, { dist: F }>, 'dist'>[];
};
export type FamilyParam = (typeof FAMILY_PARAMS)[DistributionType][number];

/** Parameters that are plain ratios: typed as they are, whatever the quantity's unit. */
export function isRatio(param: FamilyParam): boolean {
  return param === 'factor90' || param === 'concentration';
}

/** One parameter of a distribution of a family that has it (see FAMILY_PARAMS). */
export function paramOf(d: Distribution, param: FamilyParam): number {
  return (d as unknown as Record<FamilyParam, number>)[param];
}

/** A distribution of `family` from its parameters, in FAMILY_PARAMS order. */
export function distributionOf(family: DistributionType, values: readonly number[]): Distribution {
  const params = FAMILY_PARAMS[family].map((param, i) => [param, values[i]]);
  return { dist: family, ...Object.fromEntries(params) } as Distribution;
}

/** What the editor knows about a quantity before it is re-entered in another family. */
interface Outline {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  sd: number;
}

/** A fixed value first becomes "give or take a quarter", as the range a planner starts from. */
const FIXED_SPREAD = 0.25;
/** Bounds of a beta's concentration when the spread says little (none, or more than a beta can have). */
const MIN_CONCENTRATION = 0.1;
const MAX_CONCENTRATION = 1e6;

function outlineOf(value: Uncertain, spec: ParameterSpec, domain: Domain): Outline {
  if (typeof value === 'number') {
    const half = FIXED_SPREAD * Math.abs(value);
    // A probability's high end stays at most halfway to 100%, so a beta can still fit it.
    const high = spec.kind === 'probability' ? Math.min(value + half, (1 + value) / 2) : value + half;
    const p5 = Math.max(domain.min, value - half);
    const p95 = Math.min(domain.max, high);
    return { p5, p50: value, p95, mean: value, sd: (p95 - p5) / (2 * Z95) };
  }
  const resolved = resolve(value, spec.kind, domain);
  return {
    p5: quantileOf(resolved, 0.05),
    p50: quantileOf(resolved, 0.5),
    p95: quantileOf(resolved, 0.95),
    mean: meanOf(resolved),
    sd: sdOf(resolved),
  };
}

/** Drops floating-point noise: 0.30000000000000004 → 0.3. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Rounding to three significant digits of the spread, so that a converted value reads like one
 * a person would type (194, not 193.649167) and moves by at most 0.5% of the spread.
 */
function rounderFor(spread: number): (value: number) => number {
  if (!(spread > 0 && Number.isFinite(spread))) return clean;
  // The nudge keeps a spread of 99.99999999 (quantiles of a range of 100) in the hundreds.
  const exponent = Math.floor(Math.log10(spread) + 1e-9) - 2;
  // Dividing by 10^-e rather than multiplying by 10^e keeps 0.4 from coming out as 0.4000000001.
  return exponent < 0
    ? (value) => clean(Math.round(value * 10 ** -exponent) / 10 ** -exponent)
    : (value) => clean(Math.round(value / 10 ** exponent) * 10 ** exponent);
}

function significant(value: number): number {
  return Number(value.toPrecision(3));
}

/**
 * `value` re-entered as `to`. Minimum, most likely and maximum (triangular, PERT) and the bounds
 * of a uniform are read as the planner's low end, middle and high end, as people give a
 * three-point estimate; such a distribution is a little narrower than the one it replaces.
 * A normal keeps the middle and the 90% range; a lognormal the middle and the high end; a beta
 * the mean and standard deviation; a fixed number is the expected value.
 */
export function convert(value: Uncertain, to: Form, spec: ParameterSpec): Uncertain {
  if (formOf(value) === to) return value;
  const domain: Domain = { min: spec.min, max: spec.max };
  const { p5, p50, p95, mean, sd } = outlineOf(value, spec, domain);
  const round = rounderFor(p95 - p5);
  switch (to) {
    case 'fixed': {
      const expected = expectedValue(value, spec.kind, domain);
      return spec.integer ? Math.round(expected) : round(expected);
    }
    case 'range90':
      return { dist: 'range90', low: round(p5), high: round(p95) };
    case 'uniform':
      return { dist: 'uniform', min: round(p5), max: round(p95) };
    case 'triangular':
    case 'pert':
      return { dist: to, min: round(p5), mode: round(p50), max: round(p95) };
    case 'normal':
      return { dist: 'normal', mean: round(p50), sd: significant((p95 - p5) / (2 * Z95)) };
    case 'lognormal': {
      // A middle at or below zero has no lognormal; the editor then says why.
      const factor = p50 > 0 ? significant(p95 / p50) : 1;
      return { dist: 'lognormal', median: round(p50), factor90: Math.max(1, factor) };
    }
    case 'beta': {
      // A beta of mean m has variance m(1 - m)/(concentration + 1).
      const variance = sd * sd;
      const fitted = variance > 0 ? (mean * (1 - mean)) / variance - 1 : MAX_CONCENTRATION;
      const concentration = Math.min(MAX_CONCENTRATION, Math.max(MIN_CONCENTRATION, fitted));
      return { dist: 'beta', mean: round(mean), concentration: significant(concentration) };
    }
  }
}
