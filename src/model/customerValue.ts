/**
 * Customer lifetime value from the two-state Markov chain satisfied ⇄ loyal, with churn as the
 * absorbing exit and monthly discounting.
 *
 * Timing matches the projection: a customer counted at the start of a month buys in that month
 * only if still a customer at its end. So with one state, retention r = 1 − churn, margin m and
 * monthly discount rate d, CLV = Σ_{t≥1} m·r^t/(1+d)^t = m·r/(1+d−r), the textbook closed form.
 * With two states, Σ_{t≥1} (P/(1+d))^t m = N·(P/(1+d))·m, where N = (I − P/(1+d))⁻¹ is the
 * discounted fundamental matrix.
 */
import type { ScenarioInputs } from './inputs';

/** 2×2 matrix as [a, b, c, d] = [[a, b], [c, d]]; rows and columns: satisfied, loyal. */
export type Matrix2 = readonly [number, number, number, number];
export type Vector2 = readonly [number, number];

export interface Chain {
  satisfiedChurn: number;
  loyalChurn: number;
  /** Monthly satisfied → loyal. */
  conversion: number;
  /** Monthly loyal → satisfied. */
  decay: number;
  /** Gross margin minus cost to serve, per customer per month. */
  satisfiedMargin: number;
  loyalMargin: number;
  monthlyDiscountRate: number;
}

/**
 * Monthly transitions among active states. Churn and moving compete within a month as one
 * multinomial, so a move can take at most what churn leaves.
 */
export function transitionMatrix(chain: Chain): Matrix2 {
  const up = Math.min(chain.conversion, 1 - chain.satisfiedChurn);
  const down = Math.min(chain.decay, 1 - chain.loyalChurn);
  return [1 - chain.satisfiedChurn - up, up, down, 1 - chain.loyalChurn - down];
}

/** a·b where nothing times an endless lifetime is nothing (0 × ∞ = 0, not NaN). */
export function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

export function multiply(m: Matrix2, x: Vector2): Vector2 {
  return [times(m[0], x[0]) + times(m[1], x[1]), times(m[2], x[0]) + times(m[3], x[1])];
}

/** (I − P·k)⁻¹: expected (discounted when k < 1) months spent in each state, this one included. */
export function fundamentalMatrix(p: Matrix2, k: number): Matrix2 {
  const a = 1 - p[0] * k;
  const b = -p[1] * k;
  const c = -p[2] * k;
  const d = 1 - p[3] * k;
  const det = a * d - b * c;
  if (!(Math.abs(det) > 1e-15)) return [Infinity, Infinity, Infinity, Infinity];
  return [d / det, -b / det, -c / det, a / det];
}

/** CLV of a customer who is satisfied / loyal at the start of a month, from that month on. */
export function lifetimeValue(chain: Chain): Vector2 {
  const p = transitionMatrix(chain);
  const k = 1 / (1 + chain.monthlyDiscountRate);
  const n = fundamentalMatrix(p, k);
  const next = multiply(p, [chain.satisfiedMargin * k, chain.loyalMargin * k]);
  return multiply(n, next);
}

/** Expected number of future months in which the customer still buys (undiscounted). */
export function lifetimeMonths(chain: Chain): Vector2 {
  const p = transitionMatrix(chain);
  const n = fundamentalMatrix(p, 1);
  const months = multiply(n, [p[0] + p[1], p[2] + p[3]]);
  return months;
}

/** Closed form for a single state, used to check the matrix version: m·r/(1+d−r). */
export function singleStateClv(margin: number, retention: number, monthlyDiscountRate: number): number {
  return (margin * retention) / (1 + monthlyDiscountRate - retention);
}

/** The chain of a scenario's inputs, without any programme. */
export function baseChain(inputs: ScenarioInputs): Chain {
  return {
    satisfiedChurn: inputs.satisfiedChurn,
    loyalChurn: inputs.loyalChurn,
    conversion: inputs.conversion,
    decay: inputs.decay,
    satisfiedMargin: inputs.satisfiedSpend * inputs.grossMargin - inputs.costToServe,
    loyalMargin: inputs.loyalSpend * inputs.grossMargin - inputs.costToServe,
    monthlyDiscountRate: inputs.monthlyDiscountRate,
  };
}

/** Whether a loyal customer is worth at least a satisfied one (who a "top CLV" programme enrols first). */
export function loyalFirst(inputs: ScenarioInputs): boolean {
  const [satisfied, loyal] = lifetimeValue(baseChain(inputs));
  return !(satisfied > loyal);
}
