/**
 * From what the planner entered to one concrete family: which families a kind of parameter
 * accepts, why an entry is not acceptable (as a message key for the UI), and the resolution.
 */
import type { Distribution, DistributionType, ParamKind, Resolved, Uncertain } from '../uncertain';
import { fitBetaToRange90 } from './betaFit';
import { meanOf } from './families';
import { Z95 } from './special';

/** Domain of values allowed by the kind, further narrowed by a parameter's own bounds. */
export interface Domain {
  min: number;
  max: number;
}

const KIND_DOMAINS: Record<ParamKind, Domain> = {
  probability: { min: 0, max: 1 },
  positive: { min: 0, max: Infinity },
  real: { min: -Infinity, max: Infinity },
};

export function kindDomain(kind: ParamKind): Domain {
  return { ...KIND_DOMAINS[kind] };
}

/** A parameter's own domain can only narrow its kind's, never widen it. */
function effectiveDomain(kind: ParamKind, domain: Domain): Domain {
  const own = KIND_DOMAINS[kind];
  return { min: Math.max(own.min, domain.min), max: Math.min(own.max, domain.max) };
}

/**
 * A lognormal can only describe a positive quantity and a beta only a probability; a range90
 * is read per kind (beta, lognormal or normal).
 */
const ALLOWED_FAMILIES: Record<ParamKind, readonly DistributionType[]> = {
  probability: ['range90', 'beta', 'uniform', 'triangular', 'pert', 'normal'],
  positive: ['range90', 'lognormal', 'uniform', 'triangular', 'pert', 'normal'],
  real: ['range90', 'normal', 'uniform', 'triangular', 'pert'],
};

/** The families a parameter of this kind accepts, the 90% range first. */
export function allowedFamilies(kind: ParamKind): readonly DistributionType[] {
  return ALLOWED_FAMILIES[kind];
}

/** Why a distribution is not acceptable for a parameter of this kind and domain, as a message KEY. */
export type DistributionProblem =
  | 'lowNotBelowHigh'
  | 'rangeOutsideDomain'
  | 'lognormalNeedsPositiveRange'
  | 'betaNeedsProbability'
  | 'minNotBelowMax'
  | 'modeOutsideRange'
  | 'negativeSd'
  | 'familyNotAllowed'
  | 'cannotFit';

/**
 * Beta fits by range, kept because the UI asks distributionProblem and then resolve for the
 * same entry on every plan change, and a narrow range's fit takes a few milliseconds.
 */
const betaFits = new Map<string, { alpha: number; beta: number } | null>();
const BETA_FIT_CACHE_SIZE = 256;

function cachedBetaFit(low: number, high: number): { alpha: number; beta: number } | null {
  const key = `${low},${high}`;
  if (betaFits.has(key)) return betaFits.get(key) ?? null;
  const fit = fitBetaToRange90(low, high);
  if (betaFits.size >= BETA_FIT_CACHE_SIZE) betaFits.delete(betaFits.keys().next().value as string);
  betaFits.set(key, fit);
  return fit;
}

function inside(value: number, domain: Domain): boolean {
  return value >= domain.min && value <= domain.max;
}

/**
 * The checks and the resolution in one pass, so that what distributionProblem accepts is
 * exactly what resolve can resolve. Comparisons are written so that NaN fails them.
 */
function resolveOrProblem(
  d: Distribution,
  kind: ParamKind,
  ownDomain: Domain,
): Resolved | DistributionProblem {
  if (!ALLOWED_FAMILIES[kind].includes(d.dist)) return 'familyNotAllowed';
  const domain = effectiveDomain(kind, ownDomain);
  switch (d.dist) {
    case 'range90': {
      if (!(d.low < d.high)) return 'lowNotBelowHigh';
      if (kind === 'probability' && !(d.low > 0 && d.high < 1)) return 'betaNeedsProbability';
      if (kind === 'positive' && !(d.low > 0)) return 'lognormalNeedsPositiveRange';
      if (!(inside(d.low, domain) && inside(d.high, domain))) return 'rangeOutsideDomain';
      if (kind === 'probability') {
        const fit = cachedBetaFit(d.low, d.high);
        return fit === null ? 'cannotFit' : { family: 'beta', ...fit };
      }
      if (kind === 'positive') {
        // Median sqrt(low·high); the 95th percentile is sqrt(high/low) times the median.
        const lnLow = Math.log(d.low);
        const lnHigh = Math.log(d.high);
        return { family: 'lognormal', mu: (lnLow + lnHigh) / 2, sigma: (lnHigh - lnLow) / (2 * Z95) };
      }
      return {
        family: 'normal',
        mean: (d.low + d.high) / 2,
        sd: (d.high - d.low) / (2 * Z95),
        lower: domain.min,
        upper: domain.max,
      };
    }
    case 'normal':
      if (!(d.sd >= 0)) return 'negativeSd';
      if (!inside(d.mean, domain)) return 'rangeOutsideDomain';
      return { family: 'normal', mean: d.mean, sd: d.sd, lower: domain.min, upper: domain.max };
    case 'lognormal':
      if (!(d.median > 0)) return 'lognormalNeedsPositiveRange';
      // A factor below 1 would put the 95th percentile under the median: a negative log-sd.
      if (!(d.factor90 >= 1)) return 'negativeSd';
      if (!inside(d.median, domain)) return 'rangeOutsideDomain';
      return { family: 'lognormal', mu: Math.log(d.median), sigma: Math.log(d.factor90) / Z95 };
    case 'beta':
      if (!(d.mean > 0 && d.mean < 1 && d.concentration > 0)) return 'betaNeedsProbability';
      if (!inside(d.mean, domain)) return 'rangeOutsideDomain';
      return { family: 'beta', alpha: d.mean * d.concentration, beta: (1 - d.mean) * d.concentration };
    case 'uniform':
      if (!(d.min < d.max)) return 'minNotBelowMax';
      if (!(inside(d.min, domain) && inside(d.max, domain))) return 'rangeOutsideDomain';
      return { family: 'uniform', min: d.min, max: d.max };
    case 'triangular':
    case 'pert': {
      if (!(d.min < d.max)) return 'minNotBelowMax';
      if (!(d.mode >= d.min && d.mode <= d.max)) return 'modeOutsideRange';
      if (!(inside(d.min, domain) && inside(d.max, domain))) return 'rangeOutsideDomain';
      if (d.dist === 'triangular') return { family: 'triangular', min: d.min, mode: d.mode, max: d.max };
      // The classic PERT weights the mode four times: alpha + beta = 6.
      const span = d.max - d.min;
      return {
        family: 'pert',
        min: d.min,
        max: d.max,
        alpha: 1 + (4 * (d.mode - d.min)) / span,
        beta: 1 + (4 * (d.max - d.mode)) / span,
      };
    }
  }
}

/** Why a distribution is not acceptable for a parameter of this kind and domain, or null when fine. */
export function distributionProblem(
  d: Distribution,
  kind: ParamKind,
  domain: Domain,
): DistributionProblem | null {
  const result = resolveOrProblem(d, kind, domain);
  return typeof result === 'string' ? result : null;
}

/** Resolve to one concrete family; throws only where distributionProblem is not null. */
export function resolve(value: Uncertain, kind: ParamKind, domain: Domain): Resolved {
  if (typeof value === 'number') return { family: 'fixed', value };
  const result = resolveOrProblem(value, kind, domain);
  if (typeof result === 'string') {
    throw new Error(`Cannot resolve a ${value.dist} distribution for a ${kind} parameter: ${result}`);
  }
  return result;
}

/** The mean of an uncertain input (a number is its own mean). */
export function expectedValue(value: Uncertain, kind: ParamKind, domain: Domain): number {
  return typeof value === 'number' ? value : meanOf(resolve(value, kind, domain));
}
