import { describe, expect, it } from 'vitest';
import { presetPlan } from '../../src/model/presets';
import { planFileName, planFromFile, planToFile } from '../../src/storage/planFile';

describe('plan files', () => {
  it('round-trips every field', () => {
    const plan = presetPlan('points-retailer');
    const result = planFromFile(planToFile(plan));
    expect(result.ok && result.plan).toEqual(plan);
  });

  it.each([
    ['Seed example', 'seed-example.loyalty.json'],
    ['Neighbourhood café', 'neighbourhood-cafe.loyalty.json'],
    ['  ¿Qué tal?  ', 'que-tal.loyalty.json'],
    ['***', 'plan.loyalty.json'],
  ])('names the file of "%s" %s', (name, file) => {
    expect(planFileName({ ...presetPlan('cafe'), name })).toBe(file);
  });

  it.each([
    ['not JSON', '{ "schemaVersion": 1,', 'notJson'],
    ['JSON that is no plan', '[1, 2, 3]', 'notAPlan'],
    ['a plan from a newer app', '{ "schemaVersion": 7 }', 'newerSchemaVersion'],
  ])('refuses %s', (_, text, code) => {
    const result = planFromFile(text);
    expect(!result.ok && result.problems[0].code).toBe(code);
  });
});
