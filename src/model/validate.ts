/**
 * The one door into the model: `parsePlan` migrates, validates against the schema, then checks
 * what spans several fields. It never throws; a bad plan comes back as a list of problems,
 * each a path and a message code (src/i18n says it in the user's language).
 */
import * as v from 'valibot';
import type { DistributionProblem } from './distributions';
import { expectedValueOf, scenarioInputs } from './inputs';
import { migratePlan, type PlanProblem } from './migrate';
import { PlanSchema, type Plan, type PlanRuleCode } from './schema';
import type { PlanParamKey } from './parameters';

export type { PlanProblem };
export type PlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

/** Codes our own checks put in an issue's message (everything else is a valibot issue type). */
const RULE_CODES: ReadonlySet<string> = new Set<PlanRuleCode | DistributionProblem>([
  'belowMin',
  'aboveMax',
  'notInteger',
  'unknownCurrency',
  'duplicateId',
  'unknownProgramme',
  'marketTooSmall',
  'churnPlusConversionOver1',
  'churnPlusDecayOver1',
  'noScenario',
  'lowNotBelowHigh',
  'rangeOutsideDomain',
  'lognormalNeedsPositiveRange',
  'betaNeedsProbability',
  'minNotBelowMax',
  'modeOutsideRange',
  'negativeSd',
  'familyNotAllowed',
  'cannotFit',
]);

function toProblem(issue: v.BaseIssue<unknown>): PlanProblem {
  const path = (issue.path ?? []).map((item) => String(item.key)).join('.');
  if (RULE_CODES.has(issue.message)) {
    return { path, code: issue.message, ...(issue.expected ? { expected: issue.expected } : {}) };
  }
  // valibot's own checks: the issue type names the rule (min_value, integer, picklist, ...);
  // a bound is clearer as its number ("120") than as valibot's expectation ("<=120").
  const requirement = (issue as { requirement?: unknown }).requirement;
  const expected = typeof requirement === 'number' ? String(requirement) : issue.expected;
  const received = issue.input === undefined ? 'undefined' : issue.received;
  return {
    path,
    code: issue.input === undefined && issue.kind === 'schema' ? 'missing' : issue.type,
    ...(expected ? { expected } : {}),
    ...(received ? { received } : {}),
  };
}

function duplicates(ids: string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => (seen.has(id) ? [index] : (seen.add(id), [])));
}

/** Checks across fields, on expected values (Monte Carlo draws are clamped instead). */
function crossCheck(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const index of duplicates(plan.programmes.map((p) => p.id))) {
    problems.push({ path: `programmes.${index}.id`, code: 'duplicateId' });
  }
  for (const index of duplicates(plan.scenarios.map((s) => s.id))) {
    problems.push({ path: `scenarios.${index}.id`, code: 'duplicateId' });
  }
  const programmeIds = new Set(plan.programmes.map((p) => p.id));
  const seen = new Set<string>();
  const report = (scenarioIndex: number, key: PlanParamKey, code: PlanRuleCode) => {
    const overridden = plan.scenarios[scenarioIndex].overrides[key] !== undefined;
    const path = overridden ? `scenarios.${scenarioIndex}.overrides.${key}` : `params.${key}`;
    if (!seen.has(path)) problems.push({ path, code });
    seen.add(path);
  };
  plan.scenarios.forEach((scenario, s) => {
    scenario.programmes.forEach((id, p) => {
      if (!programmeIds.has(id)) {
        problems.push({ path: `scenarios.${s}.programmes.${p}`, code: 'unknownProgramme', received: id });
      }
    });
    const inputs = scenarioInputs(plan, scenario, expectedValueOf);
    if (inputs.marketSize < inputs.satisfiedStart + inputs.loyalStart - 1e-9) {
      report(s, 'marketSize', 'marketTooSmall');
    }
    if (inputs.satisfiedChurn + inputs.conversion > 1 + 1e-12) {
      report(s, 'conversion', 'churnPlusConversionOver1');
    }
    if (inputs.loyalChurn + inputs.decay > 1 + 1e-12) report(s, 'decay', 'churnPlusDecayOver1');
  });
  return problems;
}

export function parsePlan(input: unknown): PlanResult {
  const migrated = migratePlan(input);
  if (!migrated.ok) return migrated;
  const parsed = v.safeParse(PlanSchema, migrated.value);
  if (!parsed.success) {
    const problems = parsed.issues.map(toProblem);
    // One sentence per field and rule, even when two checks of a pipe say the same thing.
    const unique = problems.filter(
      (p, i) => problems.findIndex((q) => q.path === p.path && q.code === p.code) === i,
    );
    return { ok: false, problems: unique };
  }
  const problems = crossCheck(parsed.output);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: parsed.output };
}
