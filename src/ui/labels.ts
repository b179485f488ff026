/**
 * Names of the plan's inputs as a person reads them, following the plan's entry modes
 * ("Loyal customers still buying after a year" rather than monthly churn when churn is
 * entered as retention). Used by the form and by the sensitivity chart.
 */
import type { Messages } from '../i18n/en';
import type { PlanParamKey } from '../model/parameters';
import type { Plan } from '../model/schema';

export function paramText(key: PlanParamKey, plan: Plan, messages: Messages): { label: string; help: string } {
  const m = messages;
  const retention = plan.churnEntry === 'annualRetention';
  const monthlyAmount = plan.spendEntry === 'monthlyAmount';
  if (retention && key === 'satisfiedChurn') return { label: m.entry.satisfiedRetention, help: m.entry.retentionHelp };
  if (retention && key === 'loyalChurn') return { label: m.entry.loyalRetention, help: m.entry.retentionHelp };
  if (monthlyAmount && key === 'satisfiedTicket') {
    return { label: m.entry.satisfiedMonthlySpend, help: m.entry.monthlySpendHelp };
  }
  if (monthlyAmount && key === 'loyalTicket') return { label: m.entry.loyalMonthlySpend, help: m.entry.monthlySpendHelp };
  return m.params[key];
}

/** "params.loyalChurn" → its label; "programmes.card.effects.conversion" → "Loyalty card › Satisfied → loyal". */
export function inputLabel(path: string, plan: Plan, messages: Messages): string {
  const [root, id, group, key] = path.split('.');
  if (root === 'params' && id in messages.params) return paramText(id as PlanParamKey, plan, messages).label;
  if (root === 'programmes') {
    const name = plan.programmes.find((p) => p.id === id)?.name ?? id;
    const part =
      group === 'costs' && key in messages.programmes.costs
        ? messages.programmes.costs[key as keyof Messages['programmes']['costs']]
        : group === 'effects' && key in messages.programmes.effects
          ? messages.programmes.effects[key as keyof Messages['programmes']['effects']]
          : messages.programmes.enrolment.share;
    return `${name} › ${part}`;
  }
  if (root === 'scenarios') {
    const name = plan.scenarios.find((s) => s.id === id)?.name ?? id;
    const label = key in messages.params ? paramText(key as PlanParamKey, plan, messages).label : key;
    return `${name} › ${label}`;
  }
  return path;
}
