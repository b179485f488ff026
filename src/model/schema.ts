/**
 * The plan's schema (valibot): the single source of its TypeScript types, its validation and
 * the codes of its error messages (the UI and the CLI turn codes into sentences, see
 * src/i18n). Every stored, imported or shared plan goes through `parsePlan` in validate.ts.
 */
import * as v from 'valibot';
import { distributionProblem, type Domain } from './distributions';
import {
  COST_PARAMETERS,
  EFFECT_PARAMETERS,
  ENROLMENT_PARAMETER,
  PLAN_PARAMETERS,
  type ParameterSpec,
} from './parameters';
import { DistributionSchema, type Uncertain } from './uncertain';

export const SCHEMA_VERSION = 1;
export const MAX_HORIZON_MONTHS = 120;
export const MAX_TRIALS = 200_000;

/** Codes of the plan's own checks; the i18n catalogue has one sentence per code. */
export type PlanRuleCode =
  | 'belowMin'
  | 'aboveMax'
  | 'notInteger'
  | 'unknownCurrency'
  | 'duplicateId'
  | 'unknownProgramme'
  | 'marketTooSmall'
  | 'churnPlusConversionOver1'
  | 'churnPlusDecayOver1'
  | 'noScenario';

/** A number or a distribution, checked against the parameter's kind and bounds. */
export function uncertainSchema(spec: ParameterSpec) {
  const domain: Domain = { min: spec.min, max: spec.max };
  return v.pipe(
    v.union([v.pipe(v.number(), v.finite()), DistributionSchema]),
    v.rawCheck<Uncertain>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const value = dataset.value;
      if (typeof value === 'number') {
        if (value < spec.min) addIssue({ message: 'belowMin', expected: String(spec.min) });
        else if (value > spec.max) addIssue({ message: 'aboveMax', expected: String(spec.max) });
        else if (spec.integer && !Number.isInteger(value)) addIssue({ message: 'notInteger' });
        return;
      }
      const problem = distributionProblem(value, spec.kind, domain);
      if (problem) addIssue({ message: problem });
    }),
  );
}

function uncertainObject<K extends string>(specs: Record<K, ParameterSpec>) {
  const entries = Object.entries(specs) as [K, ParameterSpec][];
  return v.object(
    Object.fromEntries(entries.map(([key, spec]) => [key, uncertainSchema(spec)])) as {
      [P in K]: ReturnType<typeof uncertainSchema>;
    },
  );
}

const IdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));
const NameSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120));
const integerIn = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const PlanParamsSchema = uncertainObject(PLAN_PARAMETERS);
export type PlanParams = v.InferOutput<typeof PlanParamsSchema>;

export const PROGRAMME_TEMPLATES = [
  'points',
  'card',
  'discounts',
  'coupons',
  'gifts',
  'events',
  'financing',
  'training',
  'custom',
] as const;
export type ProgrammeTemplate = (typeof PROGRAMME_TEMPLATES)[number];

export const ProgrammeSchema = v.object({
  id: IdSchema,
  name: NameSchema,
  template: v.picklist(PROGRAMME_TEMPLATES),
  enrolment: v.object({
    /** 'share': a random share of active customers; 'topClv': the most valuable customers first. */
    target: v.picklist(['share', 'topClv']),
    share: uncertainSchema(ENROLMENT_PARAMETER),
  }),
  /** Month in which the programme starts (its setup cost falls in that month). */
  startMonth: v.optional(integerIn(1, MAX_HORIZON_MONTHS), 1),
  /** Effects grow linearly to their full size over this many months (0: at once). */
  rampMonths: v.optional(integerIn(0, 60), 0),
  /** Average months between earning a reward and using it; sets the outstanding liability. */
  redemptionDelayMonths: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(60)), 0),
  costs: uncertainObject(COST_PARAMETERS),
  effects: uncertainObject(EFFECT_PARAMETERS),
});
export type Programme = v.InferOutput<typeof ProgrammeSchema>;

export const ScenarioSchema = v.object({
  id: IdSchema,
  name: NameSchema,
  /** Ids of the plan's programmes that run in this scenario. */
  programmes: v.optional(v.array(IdSchema), []),
  /** Plan parameters that take another value in this scenario. */
  overrides: v.optional(v.partial(PlanParamsSchema), {}),
});
export type Scenario = v.InferOutput<typeof ScenarioSchema>;

export const MonteCarloSettingsSchema = v.object({
  trials: v.optional(integerIn(1, MAX_TRIALS), 2000),
  seed: v.optional(integerIn(0, 2 ** 32 - 1), 1),
});
export type MonteCarloSettings = v.InferOutput<typeof MonteCarloSettingsSchema>;

const CurrencySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Z]{3}$/, 'unknownCurrency'),
  v.check((code) => {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      return true;
    } catch {
      return false;
    }
  }, 'unknownCurrency'),
);

export const PlanSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  name: NameSchema,
  currency: CurrencySchema,
  horizonMonths: v.optional(integerIn(1, MAX_HORIZON_MONTHS), 60),
  /** How churn is entered: monthly churn, or the share of customers still buying a year later. */
  churnEntry: v.optional(v.picklist(['monthlyChurn', 'annualRetention']), 'monthlyChurn'),
  /** How spend is entered: one monthly amount (the ticket), or purchases a month × ticket. */
  spendEntry: v.optional(v.picklist(['monthlyAmount', 'purchasesAndTicket']), 'monthlyAmount'),
  params: PlanParamsSchema,
  programmes: v.optional(v.array(ProgrammeSchema), []),
  scenarios: v.pipe(v.array(ScenarioSchema), v.minLength(1, 'noScenario')),
  monteCarlo: v.optional(MonteCarloSettingsSchema, { trials: 2000, seed: 1 }),
  /** Where the numbers come from (presets cite their sources here). */
  notes: v.optional(v.pipe(v.string(), v.maxLength(5000)), ''),
});

export type Plan = v.InferOutput<typeof PlanSchema>;
export type PlanInput = v.InferInput<typeof PlanSchema>;

