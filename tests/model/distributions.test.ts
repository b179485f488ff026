import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  cdfOf,
  distributionProblem,
  expectedValue,
  fitBetaToRange90,
  kindDomain,
  logGamma,
  meanOf,
  normalCdf,
  normalQuantile,
  quantileOf,
  range90Of,
  regularizedIncompleteBeta,
  resolve,
  sdOf,
  type DistributionProblem,
  type Domain,
} from '../../src/model/distributions';
import { logNormalCdf } from '../../src/model/distributions/special';
import type { Distribution, ParamKind, Resolved } from '../../src/model/uncertain';

/** Φ⁻¹(0.95) for the double nearest 0.95. */
const Z95 = 1.6448536269514722;

function expectRelative(actual: number, expected: number, tolerance: number) {
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThanOrEqual(tolerance);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected} (relative error ${error})`).toBeLessThanOrEqual(tolerance);
}

const PROBABILITY = kindDomain('probability');
const POSITIVE = kindDomain('positive');
const REAL = kindDomain('real');

describe('normalCdf', () => {
  // x, Φ(x): A&S Table 26.1 to x = -5 (and Φ(-1.6448536269514722) = 0.05 by definition of the
  // 95th percentile); far tails from mpmath's ncdf at 40 digits. Rounding x/√2 costs a relative
  // error of about x²·1e-16 in the tail, hence the looser tolerance there.
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-Z95, 0.05],
    [-3, 0.0013498980316300945],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160526e-24],
    [-20, 2.7536241186062337e-89],
    [-30, 4.906713927148187e-198],
  ])('Φ(%s) = %s', (x, expected) => {
    expectRelative(normalCdf(x), expected, 2e-16 * Math.max(10, x * x));
  });

  it('is symmetric: Φ(x) + Φ(-x) = 1', () => {
    for (const x of [0.1, 0.5, 1, 2.5, 4, 7]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
  });

  // ln Φ(x) below where Φ underflows; mpmath log(ncdf(x)) at 30 digits.
  it.each([
    [-38, -726.5572160188201],
    [-40, -804.6084420137538],
    [-100, -5005.524208694205],
  ])('ln Φ(%s) = %s', (x, expected) => {
    expectRelative(logNormalCdf(x), expected, 1e-14);
  });
});

describe('normalQuantile', () => {
  // p, Φ⁻¹(p) for the double nearest p: mpmath root of ncdf at 50 digits.
  it.each([
    [0.5, 0],
    [0.95, Z95],
    [0.975, 1.9599639845400538],
    [0.025, -1.9599639845400542],
    [0.3, -0.5244005127080408],
    [0.001, -3.0902323061678135],
    [1e-10, -6.361340902404056],
    [1e-300, -37.0470962993612],
  ])('Φ⁻¹(%s) = %s', (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-15);
  });

  it.each([
    [0, -Infinity],
    [1, Infinity],
  ])('Φ⁻¹(%s) = %s', (p, expected) => {
    expect(normalQuantile(p)).toBe(expected);
  });

  it('inverts normalCdf', () => {
    // Lower tail only: Φ(5) = 1 - 2.9e-7 keeps just 10 digits of its distance from 1.
    for (const x of [-30, -8, -3.3, -1, -0.2, 0.4]) expectRelative(normalQuantile(normalCdf(x)), x, 1e-13);
  });
});

describe('logGamma', () => {
  // Exact values: Γ(n) = (n - 1)!, Γ(1/2) = √π, Γ(3/2) = √π/2; others mpmath loggamma at 50 digits.
  it.each([
    [1, 0],
    [2, 0],
    [3, Math.log(2)],
    [10, Math.log(362880)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [0.1, 2.252712651734206],
    [1e-10, 23.025850929882735],
    [100, 359.1342053695754],
    [1000.5, 5908.674175848677],
    [1e6, 12815504.569147612],
  ])('lnΓ(%s) = %s', (x, expected) => {
    // Absolute near lnΓ's zeros at 1 and 2, relative elsewhere.
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });
});

describe('regularizedIncompleteBeta', () => {
  // Exact: for integers, I_x(a, b) = P(Binomial(a + b - 1, x) >= a); I_x(a, 1) = x^a;
  // I_x(1, b) = 1 - (1 - x)^b; I_x(1/2, 1/2) = (2/π) arcsin √x; I_{1/2}(a, a) = 1/2.
  it.each([
    { x: 0.5, a: 2, b: 3, expected: 0.6875, note: '(6 + 4 + 1)/16' },
    { x: 0.2, a: 3, b: 4, expected: 0.09888, note: 'binomial(6, 0.2) >= 3' },
    { x: 0.37, a: 1, b: 1, expected: 0.37, note: 'uniform' },
    { x: 0.9, a: 7, b: 1, expected: 0.9 ** 7, note: 'x^a' },
    { x: 0.1, a: 1, b: 12, expected: 1 - 0.9 ** 12, note: '1 - (1 - x)^b' },
    { x: 0.25, a: 0.5, b: 0.5, expected: 1 / 3, note: 'arcsine: (2/π)(π/6)' },
    { x: 0.5, a: 5000, b: 5000, expected: 0.5, note: 'symmetry, quadrature' },
    { x: 0.995, a: 1000, b: 1, expected: 0.995 ** 1000, note: 'x^a, x near 1' },
    { x: 0.9995, a: 3000, b: 1, expected: 0.9995 ** 3000, note: 'x^a, quadrature' },
  ])('I_$x($a, $b) = $expected ($note)', ({ x, a, b, expected }) => {
    expectRelative(regularizedIncompleteBeta(x, a, b), expected, 1e-13);
  });

  // mpmath betainc (or its quadrature of the density for large a, b) at 30 digits.
  it.each([
    [0.3, 10, 20, 0.3640040810719442],
    [0.01, 0.5, 5, 0.2428418908984375],
    [0.9, 50, 3, 0.0966332851372522],
    [1e-5, 0.1, 100, 0.526531738639384],
    [0.39, 2000, 3000, 0.07415054971129833],
    [0.07, 12000, 160000, 0.6483683380462518],
  ])('I_%s(%s, %s) = %s', (x, a, b, expected) => {
    expectRelative(regularizedIncompleteBeta(x, a, b), expected, 1e-12);
  });

  it('satisfies I_x(a, b) + I_{1-x}(b, a) = 1', () => {
    for (const [a, b] of [
      [0.3, 7],
      [4, 9],
      [2500, 4000],
      [60, 0.2],
    ]) {
      for (const x of [0.05, 0.3, 0.6, 0.95]) {
        const total = regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a);
        expect(total).toBeCloseTo(1, 14);
      }
    }
  });

  it('is 0 and 1 at the ends', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('betaQuantile', () => {
  // Closed forms: Beta(a, 1) has quantile p^(1/a); Beta(1, b) has 1 - (1 - p)^(1/b);
  // Beta(1/2, 1/2) (arcsine) has sin²(πp/2).
  it.each([
    { p: 0.05, a: 3, b: 1, expected: 0.05 ** (1 / 3) },
    { p: 0.95, a: 0.2, b: 1, expected: 0.95 ** 5 },
    { p: 0.3, a: 1, b: 4, expected: 1 - 0.7 ** 0.25 },
    { p: 0.99, a: 1, b: 50, expected: 1 - 0.01 ** 0.02 },
    { p: 0.1, a: 0.5, b: 0.5, expected: Math.sin((Math.PI * 0.1) / 2) ** 2 },
    { p: 0.5, a: 2, b: 2, expected: 0.5 },
  ])('quantile $p of Beta($a, $b) = $expected', ({ p, a, b, expected }) => {
    expectRelative(betaQuantile(p, a, b), expected, 1e-13);
  });

  it('inverts the incomplete beta over small, skewed and large shapes', () => {
    const shapes = [
      [0.05, 0.05],
      [0.3, 8],
      [2, 3],
      [2.4, 540],
      [60, 1.05],
      [1e4, 1.6e5],
      [5e8, 1e9],
    ];
    for (const [a, b] of shapes) {
      for (const p of [1e-9, 0.01, 0.05, 0.5, 0.95, 0.999]) {
        const x = betaQuantile(p, a, b);
        if (x > 0 && x < 1) expectRelative(regularizedIncompleteBeta(x, a, b), p, 1e-9);
      }
    }
  });
});

const RESOLVED: Record<string, Resolved> = {
  fixed: { family: 'fixed', value: 4 },
  normal: { family: 'normal', mean: 10, sd: 2, lower: -Infinity, upper: Infinity },
  lognormal: { family: 'lognormal', mu: 0, sigma: 1 },
  beta: { family: 'beta', alpha: 2, beta: 3 },
  uniform: { family: 'uniform', min: 2, max: 8 },
  triangular: { family: 'triangular', min: 0, mode: 1, max: 4 },
  pert: { family: 'pert', min: 0, max: 10, alpha: 1.8, beta: 4.2 },
};

describe('meanOf and sdOf', () => {
  // Closed forms: lognormal e^(μ+σ²/2) and √((e^σ² - 1) e^(2μ+σ²)); beta a/(a+b) and
  // √(ab/((a+b)²(a+b+1))); uniform (min+max)/2 and span/√12; triangular (a+b+c)/3 and
  // √((a²+b²+c²-ab-ac-bc)/18) = √(13/18); PERT(0, 2, 10): (min + 4 mode + max)/6 = 3 and
  // 10·√(1.8·4.2/(36·7)) = √3.
  it.each([
    ['fixed', 4, 0],
    ['normal', 10, 2],
    ['lognormal', Math.exp(0.5), 2.1611974158950878],
    ['beta', 0.4, 0.2],
    ['uniform', 5, Math.sqrt(3)],
    ['triangular', 5 / 3, Math.sqrt(13 / 18)],
    ['pert', 3, Math.sqrt(3)],
  ])('%s: mean %s, sd %s', (family, mean, sd) => {
    expectRelative(meanOf(RESOLVED[family]), mean, 1e-14);
    expectRelative(sdOf(RESOLVED[family]), sd, 1e-14);
  });
});

describe('clipped normal', () => {
  // E[clip(X, L, U)] = L·Φ(α) + U·(1 - Φ(β)) + μ(Φ(β) - Φ(α)) + σ(φ(α) - φ(β)),
  // with α, β the standardized bounds.
  it.each([
    {
      note: 'half-normal: N(0, 1) clipped at 0 has mean φ(0) = 1/√(2π), variance 1/2 - 1/(2π)',
      r: { family: 'normal', mean: 0, sd: 1, lower: 0, upper: Infinity } as Resolved,
      mean: 1 / Math.sqrt(2 * Math.PI),
      sd: Math.sqrt(0.5 - 1 / (2 * Math.PI)),
    },
    {
      note: 'symmetric clipping keeps the mean',
      r: { family: 'normal', mean: 0.5, sd: 0.3, lower: 0, upper: 1 } as Resolved,
      mean: 0.5,
      sd: null,
    },
    {
      // A&S Table 26.1: φ(1) = 0.24197072451914337, Φ(-1) = 0.15865525393145707.
      note: 'N(0.1, 0.1²) on [0, 1] has mean 0.1 + 0.1(φ(1) - Φ(-1))',
      r: { family: 'normal', mean: 0.1, sd: 0.1, lower: 0, upper: 1 } as Resolved,
      mean: 0.1 + 0.1 * (0.24197072451914337 - 0.15865525393145707),
      sd: null,
    },
    {
      note: 'zero sd clips the mean itself',
      r: { family: 'normal', mean: 1.4, sd: 0, lower: 0, upper: 1 } as Resolved,
      mean: 1,
      sd: 0,
    },
  ])('$note', ({ r, mean, sd }) => {
    expectRelative(meanOf(r), mean, 1e-14);
    if (sd !== null) expectRelative(sdOf(r), sd, 1e-14);
  });

  it('agrees with E[clip(X, L, U)] integrated numerically', () => {
    // Simpson's rule on each smooth piece: L below L, x between the bounds, U above U; an
    // infinite bound is replaced by 12 sd, beyond which the mass is below 1e-32.
    const simpson = (g: (x: number) => number, from: number, to: number) => {
      const n = 4000;
      const step = (to - from) / n;
      let sum = g(from) + g(to);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * g(from + i * step);
      return (sum * step) / 3;
    };
    const clippedMean = (mean: number, sd: number, lower: number, upper: number) => {
      const density = (x: number) => Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
      const far = 12 * sd;
      const from = Math.max(lower, mean - far);
      const to = Math.min(upper, mean + far);
      const below = lower > mean - far ? simpson((x) => lower * density(x), mean - far, lower) : 0;
      const above = upper < mean + far ? simpson((x) => upper * density(x), upper, mean + far) : 0;
      return below + simpson((x) => x * density(x), from, to) + above;
    };
    for (const [mean, sd, lower, upper] of [
      [0.2, 0.3, 0, 1],
      [-0.8, 0.5, -1, 2],
      [3, 4, 0, Infinity],
    ]) {
      const r: Resolved = { family: 'normal', mean, sd, lower, upper };
      expect(meanOf(r)).toBeCloseTo(clippedMean(mean, sd, lower, upper), 11);
    }
  });

  it('puts the clipped mass on the bound in its CDF and quantiles', () => {
    const r: Resolved = { family: 'normal', mean: 0.1, sd: 0.1, lower: 0, upper: 1 };
    expect(cdfOf(r, -0.01)).toBe(0);
    expectRelative(cdfOf(r, 0), 0.15865525393145707, 1e-14);
    expect(quantileOf(r, 0.1)).toBe(0);
    expect(quantileOf(r, 1)).toBe(1);
  });
});

describe('quantileOf and cdfOf', () => {
  const families = ['normal', 'lognormal', 'beta', 'uniform', 'triangular', 'pert'];

  it.each(families)('%s: quantileOf(cdfOf(x)) = x', (family) => {
    const r = RESOLVED[family];
    for (const p of [0.02, 0.2, 0.5, 0.7, 0.97]) {
      const x = quantileOf(r, p);
      expectRelative(quantileOf(r, cdfOf(r, x)), x, 1e-11);
      expectRelative(cdfOf(r, x), p, 1e-12);
    }
  });

  // Hand-computed: triangular(0, 1, 4) has F(1) = 1/4 and F(2) = 1 - 4/12 = 2/3; the
  // lognormal's median is e^μ; a uniform's quantile is linear.
  it.each([
    [RESOLVED.triangular, 1, 0.25],
    [RESOLVED.triangular, 2, 2 / 3],
    [RESOLVED.lognormal, 1, 0.5],
    [RESOLVED.uniform, 3.5, 0.25],
    [RESOLVED.fixed, 4, 1],
    [RESOLVED.fixed, 3.99, 0],
  ])('cdfOf(%o, %s) = %s', (r, x, p) => {
    expectRelative(cdfOf(r, x), p, 1e-15);
  });

  it('gives the bounds at p = 0 and 1', () => {
    expect(quantileOf(RESOLVED.uniform, 0)).toBe(2);
    expect(quantileOf(RESOLVED.pert, 1)).toBe(10);
    expect(quantileOf(RESOLVED.lognormal, 0)).toBe(0);
    expect(quantileOf(RESOLVED.normal, 1)).toBe(Infinity);
    expect(quantileOf(RESOLVED.fixed, 0.3)).toBe(4);
  });
});

describe('kindDomain', () => {
  it.each([
    ['probability', 0, 1],
    ['positive', 0, Infinity],
    ['real', -Infinity, Infinity],
  ] as [ParamKind, number, number][])('%s is [%s, %s]', (kind, min, max) => {
    expect(kindDomain(kind)).toEqual({ min, max });
  });
});

describe('resolve', () => {
  it('resolves a plain number to a fixed value', () => {
    expect(resolve(0.3, 'probability', PROBABILITY)).toEqual({ family: 'fixed', value: 0.3 });
  });

  // Each family from its own parameters: beta alpha = m·c, beta = (1 - m)c; lognormal
  // sigma = ln(factor90)/1.645; PERT alpha = 1 + 4(mode - min)/span, beta = 1 + 4(max - mode)/span;
  // a normal is clipped to the parameter's domain.
  it.each([
    {
      d: { dist: 'beta', mean: 0.25, concentration: 8 },
      kind: 'probability',
      domain: PROBABILITY,
      expected: { family: 'beta', alpha: 2, beta: 6 },
    },
    {
      d: { dist: 'lognormal', median: 20, factor90: 3 },
      kind: 'positive',
      domain: POSITIVE,
      expected: { family: 'lognormal', mu: Math.log(20), sigma: Math.log(3) / Z95 },
    },
    {
      d: { dist: 'pert', min: 0, mode: 2, max: 10 },
      kind: 'positive',
      domain: POSITIVE,
      expected: { family: 'pert', min: 0, max: 10, alpha: 1.8, beta: 4.2 },
    },
    {
      d: { dist: 'triangular', min: -1, mode: 0, max: 2 },
      kind: 'real',
      domain: { min: -1, max: 5 },
      expected: { family: 'triangular', min: -1, mode: 0, max: 2 },
    },
    {
      d: { dist: 'uniform', min: 0.1, max: 0.2 },
      kind: 'probability',
      domain: PROBABILITY,
      expected: { family: 'uniform', min: 0.1, max: 0.2 },
    },
    {
      d: { dist: 'normal', mean: 0.1, sd: 0.05 },
      kind: 'probability',
      domain: { min: 0, max: 0.5 },
      expected: { family: 'normal', mean: 0.1, sd: 0.05, lower: 0, upper: 0.5 },
    },
    {
      d: { dist: 'normal', mean: 40, sd: 30 },
      kind: 'positive',
      domain: { min: -5, max: 1e9 },
      expected: { family: 'normal', mean: 40, sd: 30, lower: 0, upper: 1e9 },
    },
  ] as { d: Distribution; kind: ParamKind; domain: Domain; expected: Resolved }[])(
    '$d.dist for a $kind parameter',
    ({ d, kind, domain, expected }) => {
      const r = resolve(d, kind, domain);
      const fields: Record<string, unknown> = { ...r };
      expect(r.family).toBe(expected.family);
      for (const [key, value] of Object.entries(expected)) {
        if (typeof value === 'number') expectRelative(fields[key] as number, value, 1e-15);
      }
    },
  );

  it('reads a positive 90% range as a lognormal with median √(low·high)', () => {
    const r = resolve({ dist: 'range90', low: 3, high: 12 }, 'positive', POSITIVE);
    expect(r.family).toBe('lognormal');
    expectRelative(quantileOf(r, 0.5), 6, 1e-15);
    // 95th / 50th = √(high/low) = 2.
    expectRelative(quantileOf(r, 0.95) / quantileOf(r, 0.5), 2, 1e-15);
  });

  it('reads a real 90% range as a normal with mean (low + high)/2 and sd (high - low)/(2·1.645)', () => {
    const r = resolve({ dist: 'range90', low: -1, high: 3 }, 'real', { min: -1, max: 10 });
    expect(r).toEqual({ family: 'normal', mean: 1, sd: 4 / (2 * Z95), lower: -1, upper: 10 });
  });

  it.each([
    ['probability', 0.1, 0.3],
    ['probability', 0.95, 0.999],
    ['probability', 0.001, 0.01],
    ['positive', 3, 12],
    ['positive', 0.002, 9000],
    ['real', -1, 3],
    ['real', -250, -10],
  ] as [ParamKind, number, number][])('a %s 90%% range (%s, %s) hits its percentiles', (kind, low, high) => {
    const range = range90Of(resolve({ dist: 'range90', low, high }, kind, kindDomain(kind)));
    expectRelative(range.low, low, 1e-9);
    expectRelative(range.high, high, 1e-9);
  });

  it('throws exactly where distributionProblem reports a problem', () => {
    expect(() => resolve({ dist: 'range90', low: 3, high: 1 }, 'real', REAL)).toThrow(/lowNotBelowHigh/);
    expect(() => resolve({ dist: 'lognormal', median: 1, factor90: 2 }, 'probability', PROBABILITY)).toThrow(
      /familyNotAllowed/,
    );
  });
});

describe('distributionProblem', () => {
  it.each([
    [{ dist: 'range90', low: 5, high: 3 }, 'real', REAL, 'lowNotBelowHigh'],
    [{ dist: 'range90', low: 0.3, high: 0.3 }, 'probability', PROBABILITY, 'lowNotBelowHigh'],
    [{ dist: 'range90', low: NaN, high: 1 }, 'real', REAL, 'lowNotBelowHigh'],
    [{ dist: 'range90', low: 0, high: 0.5 }, 'probability', PROBABILITY, 'betaNeedsProbability'],
    [{ dist: 'range90', low: 0.5, high: 1 }, 'probability', PROBABILITY, 'betaNeedsProbability'],
    [{ dist: 'range90', low: 0.1, high: 0.6 }, 'probability', { min: 0, max: 0.5 }, 'rangeOutsideDomain'],
    [{ dist: 'range90', low: -1, high: 5 }, 'positive', POSITIVE, 'lognormalNeedsPositiveRange'],
    [{ dist: 'range90', low: 0, high: 5 }, 'positive', POSITIVE, 'lognormalNeedsPositiveRange'],
    [{ dist: 'range90', low: 1, high: 2e9 }, 'positive', { min: 0, max: 1e9 }, 'rangeOutsideDomain'],
    [{ dist: 'range90', low: -2, high: 1 }, 'real', { min: -1, max: 10 }, 'rangeOutsideDomain'],
    [{ dist: 'range90', low: 5e-324, high: 1e-323 }, 'probability', PROBABILITY, 'cannotFit'],
    [{ dist: 'normal', mean: 0, sd: -1 }, 'real', REAL, 'negativeSd'],
    [{ dist: 'normal', mean: 2, sd: 0.1 }, 'probability', PROBABILITY, 'rangeOutsideDomain'],
    [{ dist: 'lognormal', median: 5, factor90: 2 }, 'probability', PROBABILITY, 'familyNotAllowed'],
    [{ dist: 'lognormal', median: 5, factor90: 2 }, 'real', REAL, 'familyNotAllowed'],
    [{ dist: 'lognormal', median: 0, factor90: 2 }, 'positive', POSITIVE, 'lognormalNeedsPositiveRange'],
    [{ dist: 'lognormal', median: 5, factor90: 0.5 }, 'positive', POSITIVE, 'negativeSd'],
    [{ dist: 'lognormal', median: 5, factor90: 2 }, 'positive', { min: 10, max: 100 }, 'rangeOutsideDomain'],
    [{ dist: 'beta', mean: 0.5, concentration: 10 }, 'positive', POSITIVE, 'familyNotAllowed'],
    [{ dist: 'beta', mean: 0.5, concentration: 10 }, 'real', REAL, 'familyNotAllowed'],
    [{ dist: 'beta', mean: 1.2, concentration: 10 }, 'probability', PROBABILITY, 'betaNeedsProbability'],
    [{ dist: 'beta', mean: 0.5, concentration: 0 }, 'probability', PROBABILITY, 'betaNeedsProbability'],
    [{ dist: 'uniform', min: 3, max: 3 }, 'real', REAL, 'minNotBelowMax'],
    [{ dist: 'uniform', min: 5, max: 2 }, 'real', REAL, 'minNotBelowMax'],
    [{ dist: 'uniform', min: -0.1, max: 0.5 }, 'probability', PROBABILITY, 'rangeOutsideDomain'],
    [{ dist: 'triangular', min: 0, mode: 5, max: 4 }, 'real', REAL, 'modeOutsideRange'],
    [{ dist: 'triangular', min: -2, mode: 0, max: 2 }, 'positive', POSITIVE, 'rangeOutsideDomain'],
    [{ dist: 'pert', min: 0, mode: -1, max: 4 }, 'real', REAL, 'modeOutsideRange'],
    [{ dist: 'pert', min: 4, mode: 4, max: 4 }, 'real', REAL, 'minNotBelowMax'],
    [{ dist: 'pert', min: 0.2, mode: 0.5, max: 1.5 }, 'probability', PROBABILITY, 'rangeOutsideDomain'],
  ] as [Distribution, ParamKind, Domain, DistributionProblem][])('%o for %s %o: %s', (d, kind, domain, key) => {
    expect(distributionProblem(d, kind, domain)).toBe(key);
    expect(() => resolve(d, kind, domain)).toThrow(key);
  });

  it.each([
    [{ dist: 'range90', low: 0.1, high: 0.3 }, 'probability', PROBABILITY],
    [{ dist: 'range90', low: 0.5, high: 40 }, 'positive', { min: 0, max: 1e9 }],
    [{ dist: 'range90', low: -1, high: 0.4 }, 'real', { min: -1, max: 2 }],
    [{ dist: 'normal', mean: 0.1, sd: 0.2 }, 'probability', PROBABILITY],
    [{ dist: 'normal', mean: 100, sd: 0 }, 'positive', POSITIVE],
    [{ dist: 'lognormal', median: 5, factor90: 1 }, 'positive', POSITIVE],
    [{ dist: 'beta', mean: 0.02, concentration: 0.5 }, 'probability', PROBABILITY],
    [{ dist: 'uniform', min: 0, max: 1 }, 'probability', PROBABILITY],
    [{ dist: 'triangular', min: 0, mode: 0, max: 3 }, 'positive', POSITIVE],
    [{ dist: 'pert', min: -1, mode: 2, max: 2 }, 'real', { min: -1, max: 2 }],
  ] as [Distribution, ParamKind, Domain][])('accepts %o for %s %o', (d, kind, domain) => {
    expect(distributionProblem(d, kind, domain)).toBeNull();
    expect(() => resolve(d, kind, domain)).not.toThrow();
  });
});

describe('expectedValue', () => {
  it.each([
    { value: 7, kind: 'real', expected: 7, note: 'a number is its own mean' },
    { value: { dist: 'beta', mean: 0.3, concentration: 4 }, kind: 'probability', expected: 0.3, note: 'a beta' },
    { value: { dist: 'pert', min: 0, mode: 2, max: 10 }, kind: 'positive', expected: 3, note: '(0 + 4·2 + 10)/6' },
    {
      value: { dist: 'range90', low: 3, high: 12 },
      kind: 'positive',
      expected: 6 * Math.exp((Math.log(2) / Z95) ** 2 / 2),
      note: 'lognormal: median·e^(σ²/2)',
    },
    { value: { dist: 'range90', low: 0.2, high: 0.6 }, kind: 'real', expected: 0.4, note: 'normal: midpoint' },
  ] as { value: number | Distribution; kind: ParamKind; expected: number; note: string }[])(
    '$note',
    ({ value, kind, expected }) => {
      expectRelative(expectedValue(value, kind, kindDomain(kind)), expected, 1e-15);
    },
  );
});

describe('fitBetaToRange90', () => {
  function expectFitHits(low: number, high: number) {
    const fit = fitBetaToRange90(low, high);
    expect(fit, `no beta fits (${low}, ${high})`).not.toBeNull();
    const { alpha, beta } = fit!;
    expectRelative(betaQuantile(0.05, alpha, beta), low, 1e-9);
    expectRelative(betaQuantile(0.95, alpha, beta), high, 1e-9);
  }

  it.each([
    [0.069, 0.071, 'very narrow'],
    [0.01, 0.99, 'very wide, U-shaped'],
    [0.001, 0.01, 'skewed'],
    [0.95, 0.999, 'near 1'],
    [1e-6, 1 - 1e-6, 'almost all of (0, 1)'],
    [1e-9, 1e-8, 'tiny probabilities'],
    [0.5, 0.5000001, 'a width of 1e-7'],
    [1e-200, 2e-200, 'far below any real probability'],
  ])('fits (%s, %s): %s', (low, high) => {
    expectFitHits(low, high);
  });

  it('is symmetric: (low, high) and (1 - high, 1 - low) swap alpha and beta', () => {
    const fit = fitBetaToRange90(0.2, 0.7)!;
    const mirrored = fitBetaToRange90(0.3, 0.8)!;
    expectRelative(mirrored.alpha, fit.beta, 1e-9);
    expectRelative(mirrored.beta, fit.alpha, 1e-9);
  });

  it('fits a symmetric range with alpha = beta', () => {
    // Beta(8, 8) is symmetric about 1/2, so (0.3, 0.7) gives alpha = beta.
    const fit = fitBetaToRange90(0.3, 0.7)!;
    expectRelative(fit.alpha, fit.beta, 1e-9);
  });

  it('fits every range of a 20 × 20 grid over (0, 1)', () => {
    const grid = Array.from({ length: 20 }, (_, i) => (i + 1) / 21);
    for (const low of grid) for (const high of grid) if (low < high) expectFitHits(low, high);
  });

  it('fits every range of a grid reaching into both ends', () => {
    const edges = [1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.99, 0.999, 0.9999, 1 - 1e-6];
    for (const low of edges) for (const high of edges) if (low < high) expectFitHits(low, high);
  });

  it('refuses a range outside (0, 1) or in the wrong order', () => {
    expect(fitBetaToRange90(0, 0.5)).toBeNull();
    expect(fitBetaToRange90(0.5, 1)).toBeNull();
    expect(fitBetaToRange90(0.6, 0.4)).toBeNull();
  });
});
