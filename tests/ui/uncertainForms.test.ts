import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EFFECT_PARAMETERS, PLAN_PARAMETERS, type ParameterSpec } from '../../src/model/parameters';
import { PRESET_IDS, presetPlan } from '../../src/model/presets';
import { uncertainSchema } from '../../src/model/schema';
import type { Uncertain } from '../../src/model/uncertain';
import { convert, distributionOf, formOf, formsFor, type Form } from '../../src/ui/uncertainForms';

const count = PLAN_PARAMETERS.loyalStart; // positive, whole numbers
const amount = PLAN_PARAMETERS.satisfiedTicket; // positive
const share = PLAN_PARAMETERS.grossMargin; // probability
const effect = EFFECT_PARAMETERS.controllableChurn; // real, from -1 to 1

describe('formsFor', () => {
  it.each([
    ['probability', ['fixed', 'range90', 'beta', 'uniform', 'triangular', 'pert', 'normal']],
    ['positive', ['fixed', 'range90', 'lognormal', 'uniform', 'triangular', 'pert', 'normal']],
    ['real', ['fixed', 'range90', 'normal', 'uniform', 'triangular', 'pert']],
  ] as const)('offers a %s parameter %j', (kind, forms) => {
    expect(formsFor(kind)).toEqual(forms);
  });
});

describe('convert', () => {
  // Hand-computed: a fixed value reads as "give or take a quarter" (p5, p50, p95); the 90% range
  // of a normal is its mean ± 1.6448536 sd; values are rounded to 3 significant digits of p95 - p5.
  it.each<{ name: string; value: Uncertain; spec: ParameterSpec; to: Form; expected: Uncertain }>([
    { name: '200 as a 90% range', value: 200, spec: count, to: 'range90', expected: { dist: 'range90', low: 150, high: 250 } },
    { name: '200 as a uniform', value: 200, spec: count, to: 'uniform', expected: { dist: 'uniform', min: 150, max: 250 } },
    { name: '200 as a PERT', value: 200, spec: count, to: 'pert', expected: { dist: 'pert', min: 150, mode: 200, max: 250 } },
    {
      name: '200 as a triangular',
      value: 200,
      spec: count,
      to: 'triangular',
      expected: { dist: 'triangular', min: 150, mode: 200, max: 250 },
    },
    // sd = 100 / 3.2897 = 30.397
    { name: '200 as a normal', value: 200, spec: count, to: 'normal', expected: { dist: 'normal', mean: 200, sd: 30.4 } },
    { name: '200 as a lognormal', value: 200, spec: count, to: 'lognormal', expected: { dist: 'lognormal', median: 200, factor90: 1.25 } },
    // sd = 0.2 / 3.2897 = 0.060795; concentration = 0.4 · 0.6 / sd² - 1 = 63.94
    { name: '40% as a beta', value: 0.4, spec: share, to: 'beta', expected: { dist: 'beta', mean: 0.4, concentration: 63.9 } },
    // The high end of a probability stays halfway to 100%: min(1.125, 0.95).
    { name: '90% as a 90% range', value: 0.9, spec: share, to: 'range90', expected: { dist: 'range90', low: 0.675, high: 0.95 } },
    // The low end stays inside the parameter's own bounds: max(-1, -1.125).
    { name: '-90% as a 90% range', value: -0.9, spec: effect, to: 'range90', expected: { dist: 'range90', low: -1, high: -0.675 } },
    { name: 'zero as a PERT', value: 0, spec: count, to: 'pert', expected: { dist: 'pert', min: 0, mode: 0, max: 0 } },
    // Median sqrt(150 · 250) = 193.649; factor 250 / 193.649 = 1.29099.
    {
      name: 'a range of a count as a lognormal',
      value: { dist: 'range90', low: 150, high: 250 },
      spec: count,
      to: 'lognormal',
      expected: { dist: 'lognormal', median: 194, factor90: 1.29 },
    },
    {
      name: 'a range of a count as a PERT',
      value: { dist: 'range90', low: 150, high: 250 },
      spec: count,
      to: 'pert',
      expected: { dist: 'pert', min: 150, mode: 194, max: 250 },
    },
    // Mean -0.125, sd 0.15 / 3.2897 = 0.045597.
    {
      name: 'a range of an effect as a normal',
      value: { dist: 'range90', low: -0.2, high: -0.05 },
      spec: effect,
      to: 'normal',
      expected: { dist: 'normal', mean: -0.125, sd: 0.0456 },
    },
    { name: 'a range of an effect as a fixed number', value: { dist: 'range90', low: -0.2, high: -0.05 }, spec: effect, to: 'fixed', expected: -0.125 },
    // p5 = 0.5, p50 = 5, p95 = 9.5.
    {
      name: 'a uniform as a triangular',
      value: { dist: 'uniform', min: 0, max: 10 },
      spec: amount,
      to: 'triangular',
      expected: { dist: 'triangular', min: 0.5, mode: 5, max: 9.5 },
    },
    // 100 ± 16.448536, rounded to tenths (p95 - p5 = 32.9).
    {
      name: 'a normal as a 90% range',
      value: { dist: 'normal', mean: 100, sd: 10 },
      spec: amount,
      to: 'range90',
      expected: { dist: 'range90', low: 83.6, high: 116.4 },
    },
    // p5 = 100 / 2, p95 = 100 · 2.
    {
      name: 'a lognormal as a uniform',
      value: { dist: 'lognormal', median: 100, factor90: 2 },
      spec: amount,
      to: 'uniform',
      expected: { dist: 'uniform', min: 50, max: 200 },
    },
    // Mean 100 · exp(σ²/2) with σ = ln 2 / 1.6448536: 109.285, to units (p95 - p5 = 150) …
    { name: 'a lognormal as a fixed amount', value: { dist: 'lognormal', median: 100, factor90: 2 }, spec: amount, to: 'fixed', expected: 109 },
    // … and a count to a whole number whatever the spread.
    { name: 'a normal as a fixed count', value: { dist: 'normal', mean: 200.6, sd: 0.1 }, spec: count, to: 'fixed', expected: 201 },
    { name: 'a beta as a fixed share', value: { dist: 'beta', mean: 0.4, concentration: 10 }, spec: share, to: 'fixed', expected: 0.4 },
    // (0 + 4 · 2 + 10) / 6 = 3.
    { name: 'a PERT as a fixed amount', value: { dist: 'pert', min: 0, mode: 2, max: 10 }, spec: amount, to: 'fixed', expected: 3 },
    // p5 = 1 - sqrt(0.95) = 0.025321, p95 = 1 - sqrt(0.05) = 0.776393, to thousandths.
    {
      name: 'a triangular as a 90% range',
      value: { dist: 'triangular', min: 0, mode: 0, max: 1 },
      spec: amount,
      to: 'range90',
      expected: { dist: 'range90', low: 0.025, high: 0.776 },
    },
  ])('$name', ({ value, spec, to, expected }) => {
    expect(convert(value, to, spec)).toEqual(expected);
  });

  it('leaves a value in its own form as it is', () => {
    const pert = { dist: 'pert', min: 1, mode: 2, max: 4 } as const;
    expect(convert(pert, 'pert', amount)).toBe(pert);
    expect(convert(7, 'fixed', amount)).toBe(7);
  });

  it('turns every input of every preset into an acceptable value of every form it allows', () => {
    for (const id of PRESET_IDS) {
      const params = presetPlan(id).params as Record<keyof typeof PLAN_PARAMETERS, Uncertain>;
      for (const [key, spec] of Object.entries(PLAN_PARAMETERS) as [keyof typeof PLAN_PARAMETERS, ParameterSpec][]) {
        const value = params[key];
        // Zero has no spread to start from, and 100% leaves a beta no room above.
        if (value === 0 || (spec.kind === 'probability' && value === 1)) continue;
        for (const form of formsFor(spec.kind)) {
          const converted = convert(value, form, spec);
          expect(formOf(converted), `${id} ${key} → ${form}`).toBe(form);
          expect(v.is(uncertainSchema(spec), converted), `${id} ${key} → ${form}: ${JSON.stringify(converted)}`).toBe(true);
        }
      }
    }
  });
});

describe('distributionOf', () => {
  it('names the parameters of a family in the editor’s order', () => {
    expect(distributionOf('pert', [1, 2, 3])).toEqual({ dist: 'pert', min: 1, mode: 2, max: 3 });
    expect(distributionOf('lognormal', [50, 2])).toEqual({ dist: 'lognormal', median: 50, factor90: 2 });
  });
});
