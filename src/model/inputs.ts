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

/**
 * The numbers one scenario runs on, given the value of every input (in enumerateInputs order).
 * With `out`, fills that object in place (a Monte Carlo trial reuses it) instead of allocating.
 */
export function evaluateScenario(
  binding: ScenarioBinding,
  values: ArrayLike<number>,
  out?: ScenarioInputs,
): ScenarioInputs {
  // Straight-line reads (no closures, no loops over key lists): a Monte Carlo trial calls this
  // twice, and code this plain is optimised early and cheaply by the JIT.
  const at = binding.params;
  const retention = binding.churnEntry === 'annualRetention';
  const purchases = binding.spendEntry === 'purchasesAndTicket';
  const target = out ?? createScenarioInputs();
  target.horizonMonths = binding.horizonMonths;
  target.satisfiedStart = values[at.satisfiedStart];
  target.loyalStart = values[at.loyalStart];
  target.marketSize = values[at.marketSize];
  target.satisfiedChurn = retention
    ? monthlyChurnFromAnnualRetention(values[at.satisfiedChurn])
    : values[at.satisfiedChurn];
  target.loyalChurn = retention ? monthlyChurnFromAnnualRetention(values[at.loyalChurn]) : values[at.loyalChurn];
  target.controllableShare = values[at.controllableShare];
  target.conversion = values[at.conversion];
  target.decay = values[at.decay];
  target.satisfiedSpend = (purchases ? values[at.satisfiedPurchases] : 1) * values[at.satisfiedTicket];
  target.loyalSpend = (purchases ? values[at.loyalPurchases] : 1) * values[at.loyalTicket];
  target.grossMargin = values[at.grossMargin];
  target.costToServe = values[at.costToServe];
  target.loyalRecommendations = values[at.loyalRecommendations];
  target.satisfiedRecommendations = values[at.satisfiedRecommendations];
  target.recommendationConversion = values[at.recommendationConversion];
  target.referredLoyalShare = values[at.referredLoyalShare];
  target.paidAcquisitions = values[at.paidAcquisitions];
  target.acquisitionCost = values[at.acquisitionCost];
  target.monthlyDiscountRate = monthlyDiscountRate(values[at.annualDiscountRate]);
  for (let i = 0; i < binding.programmes.length; i++) {
    const b = binding.programmes[i];
    const p = (target.programmes[i] ??= createProgrammeInputs(b.programme));
    p.enrolmentShare = values[b.enrolmentShare];
    const costs = p.costs;
    costs.setup = values[b.costs.setup];
    costs.fixedMonthly = values[b.costs.fixedMonthly];
    costs.perMemberMonthly = values[b.costs.perMemberMonthly];
    costs.rewardRate = values[b.costs.rewardRate];
    costs.redemptionRate = values[b.costs.redemptionRate];
    const effects = p.effects;
    effects.controllableChurn = values[b.effects.controllableChurn];
    effects.conversion = values[b.effects.conversion];
    effects.satisfiedSpend = values[b.effects.satisfiedSpend];
    effects.loyalSpend = values[b.effects.loyalSpend];
    effects.referrals = values[b.effects.referrals];
  }
  return target;
}

function createProgrammeInputs(programme: Programme): ProgrammeInputs {
  return {
    id: programme.id,
    startMonth: programme.startMonth,
    rampMonths: programme.rampMonths,
    redemptionDelayMonths: programme.redemptionDelayMonths,
    target: programme.enrolment.target,
    enrolmentShare: 0,
    costs: { setup: 0, fixedMonthly: 0, perMemberMonthly: 0, rewardRate: 0, redemptionRate: 0 },
    effects: { controllableChurn: 0, conversion: 0, satisfiedSpend: 0, loyalSpend: 0, referrals: 0 },
  };
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
