/**
 * Churn and discounting conversions between the units people think in (a year) and the
 * model's monthly steps.
 */

/**
 * Monthly churn from an annual retention (or repeat-purchase) rate: staying a year means
 * staying twelve months in a row, r = (1 − c)^12, so c = 1 − r^(1/12).
 * Seed 000's 40% repeat rate is a monthly churn of 7.35%.
 */
export function monthlyChurnFromAnnualRetention(annualRetention: number): number {
  return 1 - Math.pow(annualRetention, 1 / 12);
}

export function annualRetentionFromMonthlyChurn(monthlyChurn: number): number {
  return Math.pow(1 - monthlyChurn, 12);
}

/** Monthly rate equivalent to an annual discount rate: (1 + a)^(1/12) − 1. */
export function monthlyDiscountRate(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}
