/**
 * One stochastic path of one scenario, month by month, on whole customers. The flows are
 * those of the deterministic projection (src/model/projection.ts), drawn exactly:
 *   - churn and moves compete as one multinomial: churned ~ Bin(S, c), then moved ~
 *     Bin(S − churned, u / (1 − c)), which is exactly Multinomial(S; c, u, 1 − c − u);
 *   - customers won by word of mouth: each of Poisson(recommendations) recommendations wins a
 *     prospect with probability conversion × Q/M, and a winner starts loyal with probability φ.
 *     By Poisson thinning and splitting, the loyal and the satisfied winners are exactly two
 *     independent Poissons of means λφ and λ(1 − φ), λ = recommendations × conversion × Q/M:
 *     two cheap draws instead of a large Poisson and two binomials, same distribution.
 *     Nobody is won twice: when more are won than prospects remain, a random `prospects` of
 *     them are kept, of whom Bin(prospects, φ) are loyal (each kept winner is still loyal with
 *     probability φ, independently). Paid acquisitions ~ Poisson(A), capped the same way.
 * The split of churn into controllable and uncontrollable is not drawn: no Monte Carlo output
 * uses it (the projection reports its expected value), and leaving it out changes no other draw's
 * distribution.
 */
import { firstMonthStayingNonNegative } from '../model/economics';
import type { ScenarioInputs } from '../model/inputs';
import {
  computeLevers,
  createLevers,
  createProgrammeCosts,
  programmeCosts,
  type Levers,
  type ProgrammeCosts,
} from '../model/levers';
import type { Rng } from './rng';
import { binomial, poisson } from './samplers';

/** Reused buffers of one worker: a trial allocates nothing in its month loop. */
export class TrialScratch {
  readonly levers: Levers = createLevers();
  readonly costs: ProgrammeCosts = createProgrammeCosts();
  shares = new Float64Array(0);
  discount: Float64Array;
  private discountRate = NaN;
  /** Cumulative profit of the scenario just simulated, and of the baseline of this trial. */
  readonly cumulative: Float64Array;
  readonly baselineCumulative: Float64Array;
  readonly incremental: Float64Array;
  npv = 0;
  programmeCostPv = 0;

  constructor(readonly horizon: number) {
    this.discount = new Float64Array(horizon);
    this.cumulative = new Float64Array(horizon);
    this.baselineCumulative = new Float64Array(horizon);
    this.incremental = new Float64Array(horizon);
  }

  /** Discount factors of months 1..H, recomputed only when the rate changes between trials. */
  discountFactors(monthlyRate: number): Float64Array {
    if (monthlyRate !== this.discountRate) {
      for (let t = 0; t < this.horizon; t++) this.discount[t] = Math.pow(1 + monthlyRate, -(t + 1));
      this.discountRate = monthlyRate;
    }
    return this.discount;
  }

  /** First month from which this scenario's cumulative profit stays above the baseline's. */
  paybackMonth(): number | null {
    for (let t = 0; t < this.horizon; t++) this.incremental[t] = this.cumulative[t] - this.baselineCumulative[t];
    return firstMonthStayingNonNegative(this.incremental);
  }
}

/** The month from which the levers no longer change (programmes started and ramped up). */
function leversSettleMonth(inputs: ScenarioInputs): number {
  let settle = 1;
  for (const programme of inputs.programmes) {
    // Enrolling the most valuable customers first depends on the month's customers.
    if (programme.target === 'topClv') return Infinity;
    settle = Math.max(settle, programme.startMonth + Math.max(0, programme.rampMonths - 1));
  }
  return settle;
}

/**
 * Simulates one scenario. Writes customers, revenue and cumulative profit of month t (0-based)
 * to out[offset + m·metricStride + t·monthStride] for metric m = 0, 1, 2, the cumulative profit
 * to scratch.cumulative, and the NPV and discounted programme cost to scratch.npv and
 * scratch.programmeCostPv. (Writing to one array and folding it into the sketches afterwards,
 * one sketch at a time, measured faster than adding each value to its sketch here.)
 */
export function simulateScenario(
  inputs: ScenarioInputs,
  loyalFirst: boolean,
  rng: Rng,
  scratch: TrialScratch,
  out: Float32Array,
  offset: number,
  metricStride: number,
  monthStride: number,
): void {
  const horizon = inputs.horizonMonths;
  const levers = scratch.levers;
  const costs = scratch.costs;
  if (scratch.shares.length < 2 * inputs.programmes.length) {
    scratch.shares = new Float64Array(2 * inputs.programmes.length);
  }
  const shares = scratch.shares;
  const discount = scratch.discountFactors(inputs.monthlyDiscountRate);
  const settle = leversSettleMonth(inputs);
  const hasProgrammes = inputs.programmes.length > 0;
  const market = inputs.marketSize;
  const conversionRate = inputs.recommendationConversion / (market > 0 ? market : 1);
  const referredLoyalShare = inputs.referredLoyalShare;
  const paidMean = inputs.paidAcquisitions;
  const margin = inputs.grossMargin;
  const serve = inputs.costToServe;
  const cac = inputs.acquisitionCost;

  let satisfied = Math.round(inputs.satisfiedStart);
  let loyal = Math.round(inputs.loyalStart);
  let prospects = Math.max(0, Math.round(market) - satisfied - loyal);
  let cumulative = 0;
  let npv = 0;
  let programmeCostPv = 0;
  // Per-month probabilities, refreshed whenever the levers change.
  let upGivenStay = 0;
  let downGivenStay = 0;

  for (let month = 1; month <= horizon; month++) {
    if (month <= settle) {
      computeLevers(inputs, month, satisfied, loyal, loyalFirst, levers, shares);
      upGivenStay = levers.satisfiedChurn < 1 ? Math.min(1, levers.conversion / (1 - levers.satisfiedChurn)) : 0;
      downGivenStay = levers.loyalChurn < 1 ? Math.min(1, levers.decay / (1 - levers.loyalChurn)) : 0;
    }
    const churnedSatisfied = binomial(rng, satisfied, levers.satisfiedChurn);
    const upgraded = binomial(rng, satisfied - churnedSatisfied, upGivenStay);
    const churnedLoyal = binomial(rng, loyal, levers.loyalChurn);
    const downgraded = binomial(rng, loyal - churnedLoyal, downGivenStay);

    const recommendations = levers.loyalRecommendations * loyal + levers.satisfiedRecommendations * satisfied;
    const referralMean = recommendations * conversionRate * prospects;
    let referredLoyal = poisson(rng, referralMean * referredLoyalShare);
    let referred = referredLoyal + poisson(rng, referralMean * (1 - referredLoyalShare));
    if (referred > prospects) {
      referred = prospects;
      referredLoyal = binomial(rng, prospects, referredLoyalShare);
    }
    prospects -= referred;
    let paid = poisson(rng, paidMean);
    if (paid > prospects) paid = prospects;
    prospects -= paid;

    satisfied += downgraded - churnedSatisfied - upgraded + referred - referredLoyal + paid;
    loyal += upgraded - churnedLoyal - downgraded + referredLoyal;

    const revenue = satisfied * levers.satisfiedSpend + loyal * levers.loyalSpend;
    let profit = revenue * margin - serve * (satisfied + loyal) - cac * paid;
    if (hasProgrammes) {
      programmeCosts(inputs, month, satisfied, loyal, levers, shares, costs);
      const programmeCost = costs.total;
      profit -= programmeCost;
      programmeCostPv += programmeCost * discount[month - 1];
    }
    cumulative += profit;
    npv += profit * discount[month - 1];
    scratch.cumulative[month - 1] = cumulative;
    const at = offset + (month - 1) * monthStride;
    out[at] = satisfied + loyal;
    out[at + metricStride] = revenue;
    out[at + 2 * metricStride] = cumulative;
  }
  scratch.npv = npv;
  scratch.programmeCostPv = programmeCostPv;
}
