/**
 * A plan prepared for simulation: every numeric input resolved once to a concrete
 * distribution (or a fixed value), the uncertain ones listed in the order a trial draws them.
 */
import { resolve } from '../model/distributions';
import { bindScenario, enumerateInputs, type InputRef, type ScenarioBinding } from '../model/inputs';
import type { Plan } from '../model/schema';
import type { Resolved } from '../model/uncertain';

export interface CompiledPlan {
  plan: Plan;
  inputs: InputRef[];
  resolved: Resolved[];
  /** Indices (into `inputs`) of the inputs drawn in every trial, in drawing order. */
  uncertain: number[];
  /** Where each scenario takes its numbers from (indices into `inputs`). */
  bindings: ScenarioBinding[];
  horizon: number;
  scenarioCount: number;
}

export function compilePlan(plan: Plan): CompiledPlan {
  const inputs = enumerateInputs(plan);
  const resolved = inputs.map(({ value, spec }) => resolve(value, spec.kind, { min: spec.min, max: spec.max }));
  return {
    plan,
    inputs,
    resolved,
    uncertain: resolved.flatMap((r, i) => (r.family === 'fixed' ? [] : [i])),
    bindings: plan.scenarios.map((scenario) => bindScenario(plan, scenario)),
    horizon: plan.horizonMonths,
    scenarioCount: plan.scenarios.length,
  };
}
