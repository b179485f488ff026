/**
 * From a plan to plain numbers: one `ScenarioInputs` per scenario, with every uncertain input
 * replaced by a number. The deterministic projection asks for expected values; a Monte Carlo
 * trial asks for its own draws. Both go through `scenarioInputs`, so the two can never read
 * a plan differently.
 */
import { monthlyChurnFromAnnualRetention, monthlyDiscountRate } from './churn';
import { expectedValue } from './distributions';
import {
  COST_KEYS,
  COST_PARAMETERS,
  EFFECT_KEYS,
  EFFECT_PARAMETERS,
  ENROLMENT_PARAMETER,
  PLAN_PARAMETERS,
  PLAN_PARAM_KEYS,
  type CostKey,
  type EffectKey,
  type ParameterSpec,
  type PlanParamKey,
} from './parameters';
import type { Plan, Programme, Scenario } from './schema';
import type { Uncertain } from './uncertain';

export interface ProgrammeInputs {
  id: string;
  startMonth: number;
  rampMonths: number;
  redemptionDelayMonths: number;
  target: 'share' | 'topClv';
  enrolmentShare: number;
  costs: Record<CostKey, number>;
  effects: Record<EffectKey, number>;
}

export interface ScenarioInputs {
  horizonMonths: number;
  satisfiedStart: number;
  loyalStart: number;
  marketSize: number;
  /** Monthly probabilities, whatever unit the plan was entered in. */
  satisfiedChurn: number;
  loyalChurn: number;
  controllableShare: number;
  conversion: number;
  decay: number;
  /** Spend a month per customer. */
  satisfiedSpend: number;
  loyalSpend: number;
  grossMargin: number;
  costToServe: number;
  loyalRecommendations: number;
  satisfiedRecommendations: number;
  recommendationConversion: number;
  referredLoyalShare: number;
  paidAcquisitions: number;
  acquisitionCost: number;
  monthlyDiscountRate: number;
  programmes: ProgrammeInputs[];
}

/** One numeric input of a plan: where it is, what it holds, what it measures. */
export interface InputRef {
  path: string;
  value: Uncertain;
  spec: ParameterSpec;
}

/** Gives the number to use for an input (its expected value, or a trial's draw). */
export type ValueOf = (ref: InputRef) => number;

export const expectedValueOf: ValueOf = ({ value, spec }) =>
  expectedValue(value, spec.kind, { min: spec.min, max: spec.max });

const paramPath = (key: PlanParamKey) => `params.${key}`;
const overridePath = (scenario: Scenario, key: PlanParamKey) =>
  `scenarios.${scenario.id}.overrides.${key}`;
const programmePath = (programme: Programme) => `programmes.${programme.id}`;

function programmeRefs(programme: Programme): InputRef[] {
  const base = programmePath(programme);
  return [
    { path: `${base}.enrolment.share`, value: programme.enrolment.share, spec: ENROLMENT_PARAMETER },
    ...COST_KEYS.map((key) => ({
      path: `${base}.costs.${key}`,
      value: programme.costs[key],
      spec: COST_PARAMETERS[key],
    })),
    ...EFFECT_KEYS.map((key) => ({
      path: `${base}.effects.${key}`,
      value: programme.effects[key],
      spec: EFFECT_PARAMETERS[key],
    })),
  ];
}

/**
 * Every numeric input of the plan in a fixed order: plan parameters, then each programme,
 * then each scenario's overrides. The order defines which random numbers a trial gives to
 * which input, so it must not depend on anything but the plan.
 */
export function enumerateInputs(plan: Plan): InputRef[] {
  const refs: InputRef[] = PLAN_PARAM_KEYS.map((key) => ({
    path: paramPath(key),
    value: plan.params[key],
    spec: PLAN_PARAMETERS[key],
  }));
  for (const programme of plan.programmes) refs.push(...programmeRefs(programme));
  for (const scenario of plan.scenarios) {
    for (const key of PLAN_PARAM_KEYS) {
      const value = scenario.overrides[key];
      if (value !== undefined) {
        refs.push({ path: overridePath(scenario, key), value, spec: PLAN_PARAMETERS[key] });
      }
    }
  }
  return refs;
}

interface ProgrammeBinding {
  programme: Programme;
  enrolmentShare: number;
  costs: Record<CostKey, number>;
  effects: Record<EffectKey, number>;
}

/**
 * Where each number of a scenario comes from: indices into `enumerateInputs(plan)`.
 * Binding once and evaluating per trial keeps path look-ups out of the Monte Carlo loop.
 */
export interface ScenarioBinding {
  horizonMonths: number;
  churnEntry: Plan['churnEntry'];
  spendEntry: Plan['spendEntry'];
  params: Record<PlanParamKey, number>;
  programmes: ProgrammeBinding[];
}

export function bindScenario(plan: Plan, scenario: Scenario): ScenarioBinding {
  const index = new Map(enumerateInputs(plan).map((ref, i) => [ref.path, i]));
  const at = (path: string) => index.get(path)!;
  const indices = <K extends string>(keys: readonly K[], path: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, at(path(key))])) as Record<K, number>;
  const byId = new Map(plan.programmes.map((programme) => [programme.id, programme]));
  return {
    horizonMonths: plan.horizonMonths,
    churnEntry: plan.churnEntry,
    spendEntry: plan.spendEntry,
    params: indices(PLAN_PARAM_KEYS, (key) =>
      scenario.overrides[key] === undefined ? paramPath(key) : overridePath(scenario, key),
    ),
    programmes: scenario.programmes.flatMap((id) => {
      const programme = byId.get(id);
      if (!programme) return [];
      const base = programmePath(programme);
      return [
        {
          programme,
          enrolmentShare: at(`${base}.enrolment.share`),
          costs: indices(COST_KEYS, (key) => `${base}.costs.${key}`),
          effects: indices(EFFECT_KEYS, (key) => `${base}.effects.${key}`),
        },
      ];
    }),
  };
}

function fill<K extends string>(keys: readonly K[], at: Record<K, number>, values: ArrayLike<number>, out: Record<K, number>) {
  for (const key of keys) out[key] = values[at[key]];
  return out;
}

/**
 * The numbers one scenario runs on, given the value of every input (in enumerateInputs order).
 * With `out`, fills that object in place (a Monte Carlo trial reuses it) instead of allocating.
 */
export function evaluateScenario(
  binding: ScenarioBinding,
  values: ArrayLike<number>,
  out?: ScenarioInputs,
): ScenarioInputs {
  const param = (key: PlanParamKey) => values[binding.params[key]];
  const churn = (key: 'satisfiedChurn' | 'loyalChurn') =>
    binding.churnEntry === 'annualRetention' ? monthlyChurnFromAnnualRetention(param(key)) : param(key);
  const spend = (purchases: PlanParamKey, ticket: PlanParamKey) =>
    (binding.spendEntry === 'purchasesAndTicket' ? param(purchases) : 1) * param(ticket);
  const target = out ?? createScenarioInputs();
  target.horizonMonths = binding.horizonMonths;
  target.satisfiedStart = param('satisfiedStart');
  target.loyalStart = param('loyalStart');
  target.marketSize = param('marketSize');
  target.satisfiedChurn = churn('satisfiedChurn');
  target.loyalChurn = churn('loyalChurn');
  target.controllableShare = param('controllableShare');
  target.conversion = param('conversion');
  target.decay = param('decay');
  target.satisfiedSpend = spend('satisfiedPurchases', 'satisfiedTicket');
  target.loyalSpend = spend('loyalPurchases', 'loyalTicket');
  target.grossMargin = param('grossMargin');
  target.costToServe = param('costToServe');
  target.loyalRecommendations = param('loyalRecommendations');
  target.satisfiedRecommendations = param('satisfiedRecommendations');
  target.recommendationConversion = param('recommendationConversion');
  target.referredLoyalShare = param('referredLoyalShare');
  target.paidAcquisitions = param('paidAcquisitions');
  target.acquisitionCost = param('acquisitionCost');
  target.monthlyDiscountRate = monthlyDiscountRate(param('annualDiscountRate'));
  binding.programmes.forEach((b, i) => {
    const p = (target.programmes[i] ??= {
      id: b.programme.id,
      startMonth: b.programme.startMonth,
      rampMonths: b.programme.rampMonths,
      redemptionDelayMonths: b.programme.redemptionDelayMonths,
      target: b.programme.enrolment.target,
      enrolmentShare: 0,
      costs: fill(COST_KEYS, b.costs, values, {} as Record<CostKey, number>),
      effects: fill(EFFECT_KEYS, b.effects, values, {} as Record<EffectKey, number>),
    });
    p.enrolmentShare = values[b.enrolmentShare];
    fill(COST_KEYS, b.costs, values, p.costs);
    fill(EFFECT_KEYS, b.effects, values, p.effects);
  });
  return target;
}

/** Every field in one order, so that all inputs objects share one shape (the JIT likes that). */
function createScenarioInputs(): ScenarioInputs {
  return {
    horizonMonths: 0,
    satisfiedStart: 0,
    loyalStart: 0,
    marketSize: 0,
    satisfiedChurn: 0,
    loyalChurn: 0,
    controllableShare: 0,
    conversion: 0,
    decay: 0,
    satisfiedSpend: 0,
    loyalSpend: 0,
    grossMargin: 0,
    costToServe: 0,
    loyalRecommendations: 0,
    satisfiedRecommendations: 0,
    recommendationConversion: 0,
    referredLoyalShare: 0,
    paidAcquisitions: 0,
    acquisitionCost: 0,
    monthlyDiscountRate: 0,
    programmes: [],
  };
}

/** The numbers one scenario runs on, each input valued by `valueOf`. */
export function scenarioInputs(plan: Plan, scenario: Scenario, valueOf: ValueOf): ScenarioInputs {
  return evaluateScenario(bindScenario(plan, scenario), enumerateInputs(plan).map(valueOf));
}
