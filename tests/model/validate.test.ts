import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { describeProblem } from '../../src/i18n/problems';
import { PRESET_IDS, presetPlan } from '../../src/model/presets';
import { parsePlan, type PlanProblem } from '../../src/model/validate';

const valid = () => presetPlan('seed-example') as unknown as Record<string, any>;

function problemsOf(mutate: (plan: Record<string, any>) => void): PlanProblem[] {
  const plan = valid();
  mutate(plan);
  const result = parsePlan(plan);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.problems;
}

describe('parsePlan', () => {
  it.each(PRESET_IDS)('accepts the preset %s unchanged', (id) => {
    const result = parsePlan(presetPlan(id));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('fills defaults of optional fields', () => {
    const plan = valid();
    delete plan.horizonMonths;
    delete plan.monteCarlo;
    delete plan.notes;
    plan.scenarios[0].overrides = undefined;
    const result = parsePlan(plan);
    expect(result.ok && result.plan.horizonMonths).toBe(60);
    expect(result.ok && result.plan.monteCarlo).toEqual({ trials: 2000, seed: 1 });
    expect(result.ok && result.plan.scenarios[0].overrides).toEqual({});
  });

  it.each<[string, (plan: Record<string, any>) => void, Partial<PlanProblem>]>([
    ['a negative count', (p) => (p.params.loyalStart = -5), { path: 'params.loyalStart', code: 'belowMin', expected: '0' }],
    ['a probability above 1', (p) => (p.params.grossMargin = 1.4), { path: 'params.grossMargin', code: 'aboveMax' }],
    ['a fractional customer count', (p) => (p.params.satisfiedStart = 10.5), { path: 'params.satisfiedStart', code: 'notInteger' }],
    ['a string for a number', (p) => (p.params.costToServe = 'two'), { path: 'params.costToServe', code: 'union' }],
    ['a missing parameter', (p) => delete p.params.decay, { path: 'params.decay', code: 'missing' }],
    ['an inverted range', (p) => (p.params.conversion = { dist: 'range90', low: 0.3, high: 0.1 }), { path: 'params.conversion', code: 'lowNotBelowHigh' }],
    ['a range of a probability beyond 1', (p) => (p.params.conversion = { dist: 'range90', low: 0.3, high: 1.5 }), { path: 'params.conversion' }],
    ['an unknown distribution', (p) => (p.params.conversion = { dist: 'cauchy', x: 1 }), { path: 'params.conversion' }],
    ['an unknown currency', (p) => (p.currency = 'XYZW'), { path: 'currency', code: 'unknownCurrency' }],
    ['a horizon too long', (p) => (p.horizonMonths = 121), { path: 'horizonMonths', code: 'max_value' }],
    ['a horizon of zero', (p) => (p.horizonMonths = 0), { path: 'horizonMonths', code: 'min_value' }],
    ['no scenario', (p) => (p.scenarios = []), { path: 'scenarios', code: 'noScenario' }],
    ['a scenario naming a missing programme', (p) => (p.scenarios[1].programmes = ['nope']), { path: 'scenarios.1.programmes.0', code: 'unknownProgramme', received: 'nope' }],
    ['two scenarios with one id', (p) => (p.scenarios[2].id = p.scenarios[1].id), { path: 'scenarios.2.id', code: 'duplicateId' }],
    ['a market smaller than the customers', (p) => (p.params.marketSize = 500), { path: 'params.marketSize', code: 'marketTooSmall' }],
    ['churn and conversion over 100%', (p) => ((p.churnEntry = 'monthlyChurn'), (p.params.satisfiedChurn = 0.7), (p.params.conversion = 0.5)), { path: 'params.conversion', code: 'churnPlusConversionOver1' }],
    ['an override out of range', (p) => (p.scenarios[1].overrides = { loyalStart: -1 }), { path: 'scenarios.1.overrides.loyalStart', code: 'belowMin' }],
    ['a bad effect', (p) => (p.programmes[0].effects.conversion = -3), { path: 'programmes.0.effects.conversion', code: 'belowMin', expected: '-1' }],
    ['an unknown template', (p) => (p.programmes[0].template = 'lottery'), { path: 'programmes.0.template', code: 'picklist' }],
    ['too many trials', (p) => (p.monteCarlo.trials = 10_000_000), { path: 'monteCarlo.trials', code: 'max_value' }],
  ])('refuses %s', (_, mutate, expected) => {
    expect(problemsOf(mutate)).toContainEqual(expect.objectContaining(expected));
  });

  it.each<[unknown, string]>([
    [null, 'notAPlan'],
    [[1, 2], 'notAPlan'],
    ['plan', 'notAPlan'],
    [{ name: 'x' }, 'missingSchemaVersion'],
    [{ schemaVersion: 'one' }, 'unknownSchemaVersion'],
    [{ schemaVersion: 99 }, 'newerSchemaVersion'],
  ])('refuses %j as %s', (input, code) => {
    const result = parsePlan(input);
    expect(!result.ok && result.problems[0].code).toBe(code);
  });

  it('reports every bad field at once', () => {
    const problems = problemsOf((p) => {
      p.params.loyalStart = -1;
      p.params.grossMargin = 2;
      p.name = '';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['name', 'params.grossMargin', 'params.loyalStart']);
  });

  it('describes problems in plain English with the field name', () => {
    const problems = problemsOf((p) => {
      p.params.loyalStart = -1;
      p.programmes[0].costs.setup = 'lots';
      p.schemaVersion = 1;
    });
    const sentences = problems.map((p) => describeProblem(p, en));
    expect(sentences).toContain('Loyal customers at start: must be at least 0');
    expect(sentences).toContain('Programme 1 › Setup (one-off): must be a number or a distribution');
  });
});
