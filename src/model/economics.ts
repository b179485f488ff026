/**
 * Money over time: discounting, NPV, payback, break-even, ROI. Used by the deterministic
 * projection and by every Monte Carlo trial.
 */

/** Value today of one unit received at the end of `month` (1-based). */
export function discountFactor(monthlyRate: number, month: number): number {
  return Math.pow(1 + monthlyRate, -month);
}

/** Net present value of monthly amounts, the first one at the end of month 1. */
export function npv(amounts: ArrayLike<number>, monthlyRate: number): number {
  let total = 0;
  for (let i = 0; i < amounts.length; i++) total += amounts[i] * discountFactor(monthlyRate, i + 1);
  return total;
}

/**
 * First month from which a running total stays at or above zero to the end of the horizon;
 * null when it ends below zero. For a programme the total is its cumulative extra profit over
 * the baseline (payback); for a business, its cumulative profit (break-even).
 */
export function firstMonthStayingNonNegative(cumulative: ArrayLike<number>): number | null {
  const n = cumulative.length;
  if (n === 0 || cumulative[n - 1] < 0) return null;
  for (let i = n - 1; i >= 0; i--) if (cumulative[i] < 0) return i + 2;
  return 1;
}

/**
 * Return on the programme: extra discounted profit (after the programme's own costs) per unit
 * of discounted programme cost. Positive means the programme more than pays for itself.
 * Null when the scenario spends nothing more on programmes than the baseline.
 */
export function roi(incrementalNpv: number, incrementalProgrammeCostPv: number): number | null {
  return incrementalProgrammeCostPv > 0 ? incrementalNpv / incrementalProgrammeCostPv : null;
}

/** Per-month figures the summary needs (a projection row has them all). */
export interface MonthMoney {
  revenue: number;
  profit: number;
  programmeCost: number;
  acquisitionCost: number;
  discountFactor: number;
  cumulativeProfit: number;
}

export interface ScenarioSummary {
  revenue: number;
  profit: number;
  /** Discounted profit over the horizon. */
  npv: number;
  programmeCost: number;
  programmeCostPv: number;
  acquisitionCost: number;
  /** First month from which cumulative profit stays ≥ 0 (null: not within the horizon). */
  breakEvenMonth: number | null;
  /** First month from which the cumulative extra profit over the baseline stays ≥ 0; null for the baseline or never. */
  paybackMonth: number | null;
  /** Null for the baseline. */
  incrementalNpv: number | null;
  incrementalProfit: number | null;
  incrementalRevenue: number | null;
  /** Null for the baseline and when the scenario costs no more in programmes than the baseline. */
  roi: number | null;
}

function totals(rows: readonly MonthMoney[]) {
  let revenue = 0;
  let profit = 0;
  let npvTotal = 0;
  let programmeCost = 0;
  let programmeCostPv = 0;
  let acquisitionCost = 0;
  for (const row of rows) {
    revenue += row.revenue;
    profit += row.profit;
    npvTotal += row.profit * row.discountFactor;
    programmeCost += row.programmeCost;
    programmeCostPv += row.programmeCost * row.discountFactor;
    acquisitionCost += row.acquisitionCost;
  }
  return { revenue, profit, npv: npvTotal, programmeCost, programmeCostPv, acquisitionCost };
}

/** Summary of a scenario; `baseline` is null when the scenario is the baseline itself. */
export function summarize(rows: readonly MonthMoney[], baseline: readonly MonthMoney[] | null): ScenarioSummary {
  const own = totals(rows);
  const breakEvenMonth = firstMonthStayingNonNegative(rows.map((row) => row.cumulativeProfit));
  if (!baseline) {
    return {
      ...own,
      breakEvenMonth,
      paybackMonth: null,
      incrementalNpv: null,
      incrementalProfit: null,
      incrementalRevenue: null,
      roi: null,
    };
  }
  const base = totals(baseline);
  const incrementalNpv = own.npv - base.npv;
  const cumulativeIncremental = rows.map((row, i) => row.cumulativeProfit - baseline[i].cumulativeProfit);
  return {
    ...own,
    breakEvenMonth,
    paybackMonth: firstMonthStayingNonNegative(cumulativeIncremental),
    incrementalNpv,
    incrementalProfit: own.profit - base.profit,
    incrementalRevenue: own.revenue - base.revenue,
    roi: roi(incrementalNpv, own.programmeCostPv - base.programmeCostPv),
  };
}
