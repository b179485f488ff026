/**
 * Programme templates: the kinds of loyalty programme the seeds list (000: gifts, discounts,
 * coupons, events, financing, training, loyalty cards; 001: points redeemed for flights or a
 * gift catalogue), each as a starting point on the one cost-and-effect structure of
 * `Programme`. The numbers are deliberately plain assumptions for the planner to replace; what
 * differs between templates is which of seed 000's three keys they pull on (trust: fewer
 * controllable defections; relationship: satisfied customers become loyal; reward: members
 * spend more, and it costs money) and how they cost (fixed, per member, or a share of spend).
 */
import type { Programme, ProgrammeTemplate } from './schema';

/** Seed 000's three keys, in the order the seed says to use them. */
export type LoyaltyKey = 'trust' | 'relationship' | 'reward';

interface Template {
  keys: LoyaltyKey[];
  /** The template's defaults, without id and name. */
  defaults: Omit<Programme, 'id' | 'name' | 'template'>;
}

const noEffects = { controllableChurn: 0, conversion: 0, satisfiedSpend: 0, loyalSpend: 0, referrals: 0 };
const noCosts = { setup: 0, fixedMonthly: 0, perMemberMonthly: 0, rewardRate: 0, redemptionRate: 1 };

function template(
  keys: LoyaltyKey[],
  options: {
    share: number;
    target?: 'share' | 'topClv';
    ramp: number;
    delay?: number;
    costs: Partial<typeof noCosts>;
    effects: Partial<typeof noEffects>;
  },
): Template {
  return {
    keys,
    defaults: {
      enrolment: { target: options.target ?? 'share', share: options.share },
      startMonth: 1,
      rampMonths: options.ramp,
      redemptionDelayMonths: options.delay ?? 0,
      costs: { ...noCosts, ...options.costs },
      effects: { ...noEffects, ...options.effects },
    },
  };
}

export const PROGRAMME_TEMPLATE_DEFAULTS: Record<ProgrammeTemplate, Template> = {
  // Points earned on spend, redeemed later; unredeemed points (breakage) cost nothing.
  points: template(['reward', 'relationship'], {
    share: 0.6,
    ramp: 6,
    delay: 4,
    costs: { setup: 20000, fixedMonthly: 1500, perMemberMonthly: 0.3, rewardRate: 0.03, redemptionRate: 0.7 },
    effects: { controllableChurn: -0.12, conversion: 0.2, satisfiedSpend: 0.03, loyalSpend: 0.05 },
  }),
  // A stamp or member card: cheap to run, high breakage.
  card: template(['reward', 'trust'], {
    share: 0.5,
    ramp: 3,
    delay: 2,
    costs: { setup: 3000, fixedMonthly: 200, perMemberMonthly: 0.05, rewardRate: 0.08, redemptionRate: 0.5 },
    effects: { controllableChurn: -0.1, conversion: 0.15, satisfiedSpend: 0.04, loyalSpend: 0.04 },
  }),
  // A member price: the margin given up applies to every member purchase, including the ones
  // that would have happened anyway (redemption 100%).
  discounts: template(['reward'], {
    share: 0.7,
    ramp: 0,
    costs: { setup: 2000, fixedMonthly: 200, rewardRate: 0.05, redemptionRate: 1 },
    effects: { controllableChurn: -0.08, conversion: 0.05, satisfiedSpend: 0.05, loyalSpend: 0.02 },
  }),
  // Coupons sent to members; only the redeemed ones cost their face value.
  coupons: template(['reward'], {
    share: 0.8,
    ramp: 0,
    costs: { setup: 1000, fixedMonthly: 500, perMemberMonthly: 0.2, rewardRate: 0.1, redemptionRate: 0.15 },
    effects: { controllableChurn: -0.05, satisfiedSpend: 0.05, loyalSpend: 0.02 },
  }),
  // Gifts: an emotional reward, a cost per member.
  gifts: template(['trust', 'reward'], {
    share: 0.3,
    target: 'topClv',
    ramp: 0,
    costs: { setup: 500, perMemberMonthly: 1.0 },
    effects: { controllableChurn: -0.15, conversion: 0.1 },
  }),
  // Events for members: a relationship lever with a fixed cost per event month.
  events: template(['relationship'], {
    share: 0.2,
    ramp: 3,
    costs: { setup: 2000, fixedMonthly: 3000, perMemberMonthly: 0.5 },
    effects: { controllableChurn: -0.1, conversion: 0.3, referrals: 0.2 },
  }),
  // Financing purchases: the financing cost is a share of the financed spend.
  financing: template(['reward'], {
    share: 0.3,
    ramp: 0,
    costs: { setup: 5000, fixedMonthly: 500, rewardRate: 0.03, redemptionRate: 0.4 },
    effects: { controllableChurn: -0.05, satisfiedSpend: 0.1, loyalSpend: 0.08 },
  }),
  // Training or a club: teaching customers to get more from the product builds the relationship.
  training: template(['relationship', 'trust'], {
    share: 0.3,
    target: 'topClv',
    ramp: 6,
    costs: { setup: 10000, fixedMonthly: 1500, perMemberMonthly: 0.5 },
    effects: { controllableChurn: -0.15, conversion: 0.25, referrals: 0.1 },
  }),
  custom: template([], { share: 1, ramp: 0, costs: {}, effects: {} }),
};

export function createProgramme(kind: ProgrammeTemplate, id: string, name: string): Programme {
  const { defaults } = PROGRAMME_TEMPLATE_DEFAULTS[kind];
  return {
    id,
    name,
    template: kind,
    ...defaults,
    enrolment: { ...defaults.enrolment },
    costs: { ...defaults.costs },
    effects: { ...defaults.effects },
  };
}
