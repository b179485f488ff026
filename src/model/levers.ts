/**
 * What the programmes of a scenario do to one month: the effective churn, conversion, spend
 * and recommendation rates (the levers), who is enrolled, and what the programmes cost.
 * The deterministic projection and every Monte Carlo trial call these same functions.
 *
 * Members are a share of each segment; a programme's effect on a segment is its enrolled
 * share times its full effect (times the ramp), so programmes combine multiplicatively:
 * rate = base × Π (1 + enrolled × effect × ramp).
 */
import type { ProgrammeInputs, ScenarioInputs } from './inputs';

export interface Levers {
  satisfiedChurn: number;
  loyalChurn: number;
  /** Share of each segment's churn that is controllable (a programme lowers only that part). */
  satisfiedControllable: number;
  loyalControllable: number;
  conversion: number;
  decay: number;
  satisfiedSpend: number;
  loyalSpend: number;
  satisfiedRecommendations: number;
  loyalRecommendations: number;
}

export function createLevers(): Levers {
  return {
    satisfiedChurn: 0,
    loyalChurn: 0,
    satisfiedControllable: 0,
    loyalControllable: 0,
    conversion: 0,
    decay: 0,
    satisfiedSpend: 0,
    loyalSpend: 0,
    satisfiedRecommendations: 0,
    loyalRecommendations: 0,
  };
}

/** 0 before the programme starts, then grows linearly to 1 over `rampMonths`. */
export function rampFactor(programme: ProgrammeInputs, month: number): number {
  if (month < programme.startMonth) return 0;
  if (programme.rampMonths <= 0) return 1;
  return Math.min(1, (month - programme.startMonth + 1) / programme.rampMonths);
}

/**
 * Enrolled share of the satisfied and loyal segments this month (written to out[0], out[1]).
 * 'share' enrols the same share of everyone; 'topClv' fills the target from the more valuable
 * segment first (within a segment, customers are alike in this model).
 */
export function enrolment(
  programme: ProgrammeInputs,
  satisfied: number,
  loyal: number,
  loyalFirst: boolean,
  out: Float64Array,
  offset: number,
): void {
  const share = programme.enrolmentShare;
  if (programme.target === 'share') {
    out[offset] = share;
    out[offset + 1] = share;
    return;
  }
  const target = share * (satisfied + loyal);
  const [first, second] = loyalFirst ? [loyal, satisfied] : [satisfied, loyal];
  const firstShare = first > 0 ? Math.min(1, target / first) : 0;
  const secondShare = second > 0 ? Math.min(1, Math.max(0, target - first) / second) : 0;
  out[offset] = loyalFirst ? secondShare : firstShare;
  out[offset + 1] = loyalFirst ? firstShare : secondShare;
}

/**
 * The month's levers. `shares` receives each programme's enrolled shares (satisfied, loyal)
 * and is read again by `programmeCosts` for the same month.
 */
export function computeLevers(
  inputs: ScenarioInputs,
  month: number,
  satisfied: number,
  loyal: number,
  loyalFirst: boolean,
  out: Levers,
  shares: Float64Array,
): void {
  let churnS = 1;
  let churnL = 1;
  let conversion = 1;
  let spendS = 1;
  let spendL = 1;
  let recsS = 1;
  let recsL = 1;
  const programmes = inputs.programmes;
  for (let i = 0; i < programmes.length; i++) {
    const programme = programmes[i];
    const ramp = rampFactor(programme, month);
    enrolment(programme, satisfied, loyal, loyalFirst, shares, 2 * i);
    const eS = shares[2 * i] * ramp;
    const eL = shares[2 * i + 1] * ramp;
    const effects = programme.effects;
    churnS *= 1 + eS * effects.controllableChurn;
    churnL *= 1 + eL * effects.controllableChurn;
    conversion *= 1 + eS * effects.conversion;
    spendS *= 1 + eS * effects.satisfiedSpend;
    spendL *= 1 + eL * effects.loyalSpend;
    recsS *= 1 + eS * effects.referrals;
    recsL *= 1 + eL * effects.referrals;
  }
  const kappa = inputs.controllableShare;
  const scaleS = kappa * Math.max(0, churnS) + (1 - kappa);
  const scaleL = kappa * Math.max(0, churnL) + (1 - kappa);
  out.satisfiedChurn = Math.min(1, inputs.satisfiedChurn * scaleS);
  out.loyalChurn = Math.min(1, inputs.loyalChurn * scaleL);
  out.satisfiedControllable = scaleS > 0 ? (kappa * Math.max(0, churnS)) / scaleS : 0;
  out.loyalControllable = scaleL > 0 ? (kappa * Math.max(0, churnL)) / scaleL : 0;
  out.conversion = Math.min(inputs.conversion * Math.max(0, conversion), 1 - out.satisfiedChurn);
  out.decay = Math.min(inputs.decay, 1 - out.loyalChurn);
  out.satisfiedSpend = inputs.satisfiedSpend * Math.max(0, spendS);
  out.loyalSpend = inputs.loyalSpend * Math.max(0, spendL);
  out.satisfiedRecommendations = inputs.satisfiedRecommendations * Math.max(0, recsS);
  out.loyalRecommendations = inputs.loyalRecommendations * Math.max(0, recsL);
}

export interface ProgrammeCosts {
  setup: number;
  fixed: number;
  members: number;
  memberCost: number;
  /** Rewards earned this month that will be used (reward rate × member spend × redemption). */
  reward: number;
  total: number;
}

export function createProgrammeCosts(): ProgrammeCosts {
  return { setup: 0, fixed: 0, members: 0, memberCost: 0, reward: 0, total: 0 };
}

/**
 * Costs of all programmes in a month, on the customers at the month's end. A member's spend
 * carries the member's own uplift (the effect in full, not diluted by enrolment), so the
 * reward is paid on what members actually buy, including purchases they would have made anyway.
 * Writes the costs to `out` (the month's total in out.total: returning it would box a double on
 * every call the Monte Carlo month loop makes), each programme's reward to rewards[i] (for the
 * outstanding-liability account).
 */
export function programmeCosts(
  inputs: ScenarioInputs,
  month: number,
  satisfied: number,
  loyal: number,
  levers: Levers,
  shares: Float64Array,
  out: ProgrammeCosts,
  rewards?: Float64Array,
): void {
  out.setup = 0;
  out.fixed = 0;
  out.members = 0;
  out.memberCost = 0;
  out.reward = 0;
  const programmes = inputs.programmes;
  for (let i = 0; i < programmes.length; i++) {
    const programme = programmes[i];
    if (month < programme.startMonth) {
      if (rewards) rewards[i] = 0;
      continue;
    }
    const ramp = rampFactor(programme, month);
    const costs = programme.costs;
    const eS = shares[2 * i];
    const eL = shares[2 * i + 1];
    const upS = programme.effects.satisfiedSpend * ramp;
    const upL = programme.effects.loyalSpend * ramp;
    const memberSpendS = (levers.satisfiedSpend * Math.max(0, 1 + upS)) / Math.max(1e-12, 1 + eS * upS);
    const memberSpendL = (levers.loyalSpend * Math.max(0, 1 + upL)) / Math.max(1e-12, 1 + eL * upL);
    const members = eS * satisfied + eL * loyal;
    const reward =
      costs.rewardRate * costs.redemptionRate * (eS * satisfied * memberSpendS + eL * loyal * memberSpendL);
    if (month === programme.startMonth) out.setup += costs.setup;
    out.fixed += costs.fixedMonthly;
    out.members += members;
    out.memberCost += costs.perMemberMonthly * members;
    out.reward += reward;
    if (rewards) rewards[i] = reward;
  }
  out.total = out.setup + out.fixed + out.memberCost + out.reward;
}
