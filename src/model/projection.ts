/**
 * The deterministic projection: expected customers and money, month by month, for one
 * scenario. Flows are expected values of the Monte Carlo trial's draws (see
 * src/montecarlo/trial.ts), in the same order:
 *   1. churn and moves between segments compete as one multinomial on start-of-month stocks;
 *   2. recommendations from start-of-month customers win prospects, scaled by the share of the
 *      market still open (Q/M), and never more than the prospects left;
 *   3. paid acquisition takes from the prospects that remain;
 *   4. revenue and costs are on end-of-month customers.
 * Nobody is won twice: churned customers do not return to the prospects, so
 * satisfied + loyal + prospects + churned = market, every month.
 */
import { loyalFirst } from './customerValue';
import { discountFactor, summarize, type ScenarioSummary } from './economics';
import { expectedValueOf, scenarioInputs, type ScenarioInputs } from './inputs';
import { computeLevers, createLevers, createProgrammeCosts, programmeCosts } from './levers';
import { customerValue, type CustomerValue } from './referrals';
import type { Plan } from './schema';

export interface MonthRow {
  month: number;
  satisfied: number;
  loyal: number;
  active: number;
  prospects: number;
  members: number;
  churnedSatisfied: number;
  churnedLoyal: number;
  churnedControllable: number;
  churnedUncontrollable: number;
  /** Everyone lost since the start. */
  churnedToDate: number;
  upgraded: number;
  downgraded: number;
  recommendations: number;
  referred: number;
  referredLoyal: number;
  paid: number;
  revenue: number;
  grossProfit: number;
  serveCost: number;
  acquisitionCost: number;
  programmeCost: number;
  rewardCost: number;
  /** Rewards earned but not yet used (points outstanding), at the month's end. */
  rewardLiability: number;
  profit: number;
  cumulativeProfit: number;
  discountFactor: number;
  discountedProfit: number;
  cumulativeDiscountedProfit: number;
}

export function projectScenario(inputs: ScenarioInputs): MonthRow[] {
  const rows: MonthRow[] = [];
  const levers = createLevers();
  const costs = createProgrammeCosts();
  const count = inputs.programmes.length;
  const shares = new Float64Array(2 * count);
  const rewards = new Float64Array(count);
  const outstanding = new Float64Array(count);
  const valuableFirst = loyalFirst(inputs);
  const market = inputs.marketSize;

  let satisfied = inputs.satisfiedStart;
  let loyal = inputs.loyalStart;
  let prospects = Math.max(0, market - satisfied - loyal);
  let churnedToDate = 0;
  let cumulativeProfit = 0;
  let cumulativeDiscountedProfit = 0;

  for (let month = 1; month <= inputs.horizonMonths; month++) {
    computeLevers(inputs, month, satisfied, loyal, valuableFirst, levers, shares);
    const churnedSatisfied = satisfied * levers.satisfiedChurn;
    const upgraded = satisfied * levers.conversion;
    const churnedLoyal = loyal * levers.loyalChurn;
    const downgraded = loyal * levers.decay;
    const churnedControllable =
      churnedSatisfied * levers.satisfiedControllable + churnedLoyal * levers.loyalControllable;

    const recommendations =
      levers.loyalRecommendations * loyal + levers.satisfiedRecommendations * satisfied;
    const openShare = market > 0 ? prospects / market : 0;
    const referred = Math.min(prospects, recommendations * inputs.recommendationConversion * openShare);
    prospects -= referred;
    const referredLoyal = referred * inputs.referredLoyalShare;
    const paid = Math.min(prospects, inputs.paidAcquisitions);
    prospects -= paid;

    satisfied += -churnedSatisfied - upgraded + downgraded + (referred - referredLoyal) + paid;
    loyal += -churnedLoyal - downgraded + upgraded + referredLoyal;
    churnedToDate += churnedSatisfied + churnedLoyal;
    const active = satisfied + loyal;

    const revenue = satisfied * levers.satisfiedSpend + loyal * levers.loyalSpend;
    const grossProfit = revenue * inputs.grossMargin;
    const serveCost = inputs.costToServe * active;
    const acquisitionCost = inputs.acquisitionCost * paid;
    programmeCosts(inputs, month, satisfied, loyal, levers, shares, costs, rewards);
    const programmeCost = costs.total;
    let rewardLiability = 0;
    for (let i = 0; i < count; i++) {
      const delay = inputs.programmes[i].redemptionDelayMonths;
      outstanding[i] = delay > 0 ? outstanding[i] * Math.max(0, 1 - 1 / delay) + rewards[i] : 0;
      rewardLiability += outstanding[i];
    }
    const profit = grossProfit - serveCost - acquisitionCost - programmeCost;
    const factor = discountFactor(inputs.monthlyDiscountRate, month);
    cumulativeProfit += profit;
    cumulativeDiscountedProfit += profit * factor;

    rows.push({
      month,
      satisfied,
      loyal,
      active,
      prospects,
      members: costs.members,
      churnedSatisfied,
      churnedLoyal,
      churnedControllable,
      churnedUncontrollable: churnedSatisfied + churnedLoyal - churnedControllable,
      churnedToDate,
      upgraded,
      downgraded,
      recommendations,
      referred,
      referredLoyal,
      paid,
      revenue,
      grossProfit,
      serveCost,
      acquisitionCost,
      programmeCost,
      rewardCost: costs.reward,
      rewardLiability,
      profit,
      cumulativeProfit,
      discountFactor: factor,
      discountedProfit: profit * factor,
      cumulativeDiscountedProfit,
    });
  }
  return rows;
}

export interface ScenarioProjection {
  id: string;
  name: string;
  inputs: ScenarioInputs;
  monthly: MonthRow[];
  summary: ScenarioSummary;
}

export interface PlanProjection {
  scenarios: ScenarioProjection[];
  /** Customer value and word of mouth in the baseline (the first scenario). */
  customerValue: CustomerValue;
}

/** Every scenario at the expected value of each input; the first scenario is the baseline. */
export function projectPlan(plan: Plan): PlanProjection {
  const projected = plan.scenarios.map((scenario) => {
    const inputs = scenarioInputs(plan, scenario, expectedValueOf);
    return { id: scenario.id, name: scenario.name, inputs, monthly: projectScenario(inputs) };
  });
  const baseline = projected[0];
  return {
    scenarios: projected.map((scenario, i) => ({
      ...scenario,
      summary: summarize(scenario.monthly, i === 0 ? null : baseline.monthly),
    })),
    customerValue: customerValue(baseline.inputs),
  };
}
