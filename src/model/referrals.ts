/**
 * Word of mouth: seed 003's back-of-the-envelope arithmetic, and what the monthly model says
 * once churn, moves between segments, discounting and a finite market are taken into account.
 */
import {
  baseChain,
  fundamentalMatrix,
  lifetimeMonths,
  lifetimeValue,
  multiply,
  times,
  transitionMatrix,
  type Chain,
  type Vector2,
} from './customerValue';
import type { ScenarioInputs } from './inputs';

/**
 * Seed 003: a loyal customer tells 5 people a month and 1 of them becomes loyal, so 12 new
 * loyal customers a year, each buying a year's worth (12 × 75 = 900): 10,800 of extra revenue.
 * No churn, no saturation, every newcomer stays and buys all year: an upper bound for one year.
 */
export interface SimpleReferral {
  recommendationsPerMonth: number;
  newLoyalPerMonth: number;
  newLoyalPerYear: number;
  extraRevenuePerYear: number;
}

export function simpleReferralArithmetic(inputs: ScenarioInputs): SimpleReferral {
  const newLoyalPerMonth =
    inputs.loyalRecommendations * inputs.recommendationConversion * inputs.referredLoyalShare;
  const newLoyalPerYear = 12 * newLoyalPerMonth;
  return {
    recommendationsPerMonth: inputs.loyalRecommendations,
    newLoyalPerMonth,
    newLoyalPerYear,
    extraRevenuePerYear: newLoyalPerYear * 12 * inputs.loyalSpend,
  };
}

/** Customers won per month by one customer in each state, at a given open share of the market. */
function winsPerMonth(inputs: ScenarioInputs, openShare: number): Vector2 {
  const q = inputs.recommendationConversion * openShare;
  return [inputs.satisfiedRecommendations * q, inputs.loyalRecommendations * q];
}

/** Lifetime customers won by a customer starting in each state (undiscounted, this month included). */
function lifetimeWins(chain: Chain, wins: Vector2): Vector2 {
  return multiply(fundamentalMatrix(transitionMatrix(chain), 1), wins);
}

/**
 * Reproduction number of word of mouth: how many customers one newly referred customer wins
 * over their whole life (recommendations × conversion × expected months as a customer, mixed
 * over the state newcomers start in). Above 1, each generation is larger than the last and
 * referrals grow on their own until the market runs out; below 1 they fade, and every customer
 * acquired brings 1/(1 − R) customers in all.
 */
export function reproductionNumber(inputs: ScenarioInputs, openShare = 1): number {
  const chain = baseChain(inputs);
  const [fromSatisfied, fromLoyal] = lifetimeWins(chain, winsPerMonth(inputs, openShare));
  const phi = inputs.referredLoyalShare;
  return times(phi, fromLoyal) + times(1 - phi, fromSatisfied);
}

export interface SegmentValue {
  monthlyRevenue: number;
  annualRevenue: number;
  /** Seed 003's plain arithmetic: five years of the monthly spend, no churn, no discounting. */
  fiveYearRevenue: number;
  /** Gross margin minus cost to serve, a month. */
  monthlyMargin: number;
  /** Expected future months in which the customer still buys. */
  lifetimeMonths: number;
  /** Discounted margin over the customer's expected life. */
  clv: number;
  /** Discounted value of the customers this customer wins directly (first generation). */
  referralValue: number;
  /** CLV plus the value of every generation of referrals; null when referrals never fade (R ≥ 1). */
  clvWithReferrals: number | null;
  /** Customers this customer wins over their life (undiscounted, first generation). */
  lifetimeReferrals: number;
}

export interface ReferralSummary {
  simple: SimpleReferral;
  /** The same question answered by the monthly model, at the plan's start. */
  firstYear: FirstYearReferrals;
  /** In a fresh market (nobody won yet). */
  reproductionNumber: number;
  /** At the plan's start, with part of the market already won. */
  reproductionNumberAtStart: number;
  grows: boolean;
  /** Customers in all per customer acquired, 1/(1 − R); null when R ≥ 1. */
  multiplier: number | null;
  /** Share of the market still open at the start (prospects ÷ market). */
  openShareAtStart: number;
}

export interface CustomerValue {
  satisfied: SegmentValue;
  loyal: SegmentValue;
  referral: ReferralSummary;
}

/**
 * Value of a customer in each segment, with and without the customers they bring in.
 * A referred customer joins at the end of the month of the recommendation and buys that month.
 */
export function customerValue(inputs: ScenarioInputs): CustomerValue {
  const chain = baseChain(inputs);
  const market = inputs.marketSize;
  const openShareAtStart =
    market > 0 ? Math.max(0, market - inputs.satisfiedStart - inputs.loyalStart) / market : 0;
  const k = 1 / (1 + inputs.monthlyDiscountRate);
  const clv = lifetimeValue(chain);
  const months = lifetimeMonths(chain);
  const wins = winsPerMonth(inputs, openShareAtStart);
  const discountedWins = multiply(fundamentalMatrix(transitionMatrix(chain), k), [wins[0] * k, wins[1] * k]);
  const phi = inputs.referredLoyalShare;
  const margins: Vector2 = [chain.satisfiedMargin, chain.loyalMargin];
  // Value of one newly referred customer, before their own referrals.
  const newcomer = times(phi, margins[1] + clv[1]) + times(1 - phi, margins[0] + clv[0]);
  // Every generation: V = CLV + a·W with W = newcomer value including their referrals,
  // W = newcomer + (φ·a_L + (1−φ)·a_S)·W, finite only if the discounted R is below 1.
  const discountedR = times(phi, discountedWins[1]) + times(1 - phi, discountedWins[0]);
  const allGenerations = discountedR < 1 ? newcomer / (1 - discountedR) : null;
  const lifetime = lifetimeWins(chain, wins);

  const segment = (i: 0 | 1, spend: number): SegmentValue => ({
    monthlyRevenue: spend,
    annualRevenue: 12 * spend,
    fiveYearRevenue: 60 * spend,
    monthlyMargin: margins[i],
    lifetimeMonths: months[i],
    clv: clv[i],
    referralValue: times(discountedWins[i], newcomer),
    clvWithReferrals: allGenerations === null ? null : clv[i] + times(discountedWins[i], allGenerations),
    lifetimeReferrals: lifetime[i],
  });
  const reproduction = reproductionNumber(inputs);
  return {
    satisfied: segment(0, inputs.satisfiedSpend),
    loyal: segment(1, inputs.loyalSpend),
    referral: {
      simple: simpleReferralArithmetic(inputs),
      firstYear: firstYearReferrals(inputs, openShareAtStart),
      reproductionNumber: reproduction,
      reproductionNumberAtStart: reproductionNumber(inputs, openShareAtStart),
      grows: reproduction > 1,
      multiplier: reproduction < 1 ? 1 / (1 - reproduction) : null,
      openShareAtStart,
    },
  };
}

/** The monthly model's answer to seed 003's question: what one loyal customer brings in a year. */
export interface FirstYearReferrals {
  /** Customers won in 12 months, while the referrer may leave or cool down and the market fills. */
  newCustomers: number;
  /** Of those, loyal at the end of the year. */
  newLoyal: number;
  /** What they buy within that year: they join month by month, and some leave again. */
  extraRevenue: number;
}

/**
 * One loyal customer's first year of referrals, month by month, with the same timing as the
 * projection (a customer won in a month joins at its end and buys that month). Side by side with
 * `simpleReferralArithmetic`, it shows what churn, cooling down and a filling market do to
 * "12 new loyal customers and 10,800 a year".
 */
export function firstYearReferrals(inputs: ScenarioInputs, openShare: number): FirstYearReferrals {
  const p = transitionMatrix(baseChain(inputs));
  const wins = winsPerMonth(inputs, openShare);
  const phi = inputs.referredLoyalShare;
  const step = ([s, l]: Vector2): Vector2 => [s * p[0] + l * p[2], s * p[1] + l * p[3]];
  let referrer: Vector2 = [0, 1];
  let cohort: Vector2 = [0, 0];
  let newCustomers = 0;
  let extraRevenue = 0;
  for (let month = 1; month <= 12; month++) {
    const won = referrer[0] * wins[0] + referrer[1] * wins[1];
    referrer = step(referrer);
    const [s, l] = step(cohort);
    cohort = [s + won * (1 - phi), l + won * phi];
    newCustomers += won;
    extraRevenue += cohort[0] * inputs.satisfiedSpend + cohort[1] * inputs.loyalSpend;
  }
  return { newCustomers, newLoyal: cohort[1], extraRevenue };
}
