/**
 * Switching how churn or spend is entered without changing what the plan means: annual
 * retention r and monthly churn c are the same fact (c = 1 − r^(1/12)); a monthly amount is
 * one purchase a month of that ticket. A fixed number converts exactly; a range keeps its 90%
 * bounds, but its distribution is then fitted on the new scale, so its expected value (what the
 * deterministic projection uses) can move a little.
 */
import { annualRetentionFromMonthlyChurn, monthlyChurnFromAnnualRetention } from '../model/churn';
import { range90Of, resolve } from '../model/distributions';
import { PLAN_PARAMETERS } from '../model/parameters';
import type { Plan, PlanParams } from '../model/schema';
import { isDistribution, type Uncertain } from '../model/uncertain';

type ChurnEntry = Plan['churnEntry'];
type SpendEntry = Plan['spendEntry'];

/** A monotone map applied to a number, or to a distribution through its 90% range. */
function mapUncertain(value: Uncertain, key: keyof PlanParams, f: (x: number) => number): Uncertain {
  if (!isDistribution(value)) return f(value);
  const spec = PLAN_PARAMETERS[key];
  const { low, high } =
    value.dist === 'range90' ? value : range90Of(resolve(value, spec.kind, { min: spec.min, max: spec.max }));
  const [a, b] = [f(low), f(high)];
  return { dist: 'range90', low: Math.min(a, b), high: Math.max(a, b) };
}

export function withChurnEntry(plan: Plan, entry: ChurnEntry): Plan {
  if (plan.churnEntry === entry) return plan;
  const convert =
    entry === 'annualRetention' ? annualRetentionFromMonthlyChurn : monthlyChurnFromAnnualRetention;
  const convertParams = (params: Partial<PlanParams>) => {
    const next = { ...params };
    for (const key of ['satisfiedChurn', 'loyalChurn'] as const) {
      const value = params[key];
      if (value !== undefined) next[key] = mapUncertain(value, key, convert);
    }
    return next;
  };
  return {
    ...plan,
    churnEntry: entry,
    params: convertParams(plan.params) as PlanParams,
    scenarios: plan.scenarios.map((s) => ({ ...s, overrides: convertParams(s.overrides) })),
  };
}

export function withSpendEntry(plan: Plan, entry: SpendEntry): Plan {
  if (plan.spendEntry === entry) return plan;
  if (entry === 'purchasesAndTicket') return { ...plan, spendEntry: entry };
  // Fold purchases into the ticket: one purchase a month of (purchases × ticket).
  const fold = (
    params: Partial<PlanParams>,
    purchasesKey: 'satisfiedPurchases' | 'loyalPurchases',
    ticketKey: 'satisfiedTicket' | 'loyalTicket',
  ) => {
    const purchases = params[purchasesKey];
    const ticket = params[ticketKey];
    if (purchases === undefined || ticket === undefined) return {};
    return { [purchasesKey]: 1, [ticketKey]: monthlySpend(purchases, ticket) };
  };
  const foldAll = (params: Partial<PlanParams>) => ({
    ...params,
    ...fold(params, 'satisfiedPurchases', 'satisfiedTicket'),
    ...fold(params, 'loyalPurchases', 'loyalTicket'),
  });
  return {
    ...plan,
    spendEntry: entry,
    params: foldAll(plan.params) as PlanParams,
    scenarios: plan.scenarios.map((s) => ({ ...s, overrides: foldAll(s.overrides) })),
  };
}

/**
 * Purchases × ticket as one monthly amount. When both are uncertain the 90% range of the
 * product is approximated by the products of the ends, a little wider than the true one.
 */
function monthlySpend(purchases: Uncertain, ticket: Uncertain): Uncertain {
  if (!isDistribution(purchases)) return mapUncertain(ticket, 'satisfiedTicket', (t) => t * purchases);
  if (!isDistribution(ticket)) return mapUncertain(purchases, 'satisfiedPurchases', (p) => p * ticket);
  const p = range90Of(resolve(purchases, 'positive', { min: 0, max: Infinity }));
  const t = range90Of(resolve(ticket, 'positive', { min: 0, max: Infinity }));
  return { dist: 'range90', low: p.low * t.low, high: p.high * t.high };
}
