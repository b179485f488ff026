/**
 * What `sim` prints: the JSON report (a stable shape other tools can read) and a readable
 * table for people.
 */
import { en } from '../../src/i18n/en';
import { createFormat } from '../../src/i18n/format';
import type { PlanProjection } from '../../src/model/projection';
import type { Plan } from '../../src/model/schema';
import type { MonteCarloResult } from '../../src/montecarlo/aggregate';

export function buildReport(plan: Plan, source: string, projection: PlanProjection, monteCarlo?: MonteCarloResult) {
  return {
    plan: {
      name: plan.name,
      source,
      currency: plan.currency,
      horizonMonths: plan.horizonMonths,
    },
    scenarios: projection.scenarios.map((scenario) => ({
      id: scenario.id,
      name: scenario.name,
      monthly: scenario.monthly,
      summary: scenario.summary,
    })),
    customerValue: projection.customerValue,
    ...(monteCarlo ? { monteCarlo } : {}),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderTable(
  plan: Plan,
  source: string,
  projection: PlanProjection,
  monteCarlo?: MonteCarloResult,
): string {
  const f = createFormat('en-US', plan.currency);
  const r = en.results;
  const t = en.cli.table;
  const orNever = (month: number | null, applicable: boolean) =>
    !applicable ? r.notApplicable : month === null ? t.never : String(month);
  const out: string[] = [];
  out.push(`${plan.name} — ${plan.currency}, ${en.plan.horizonMonths(String(plan.horizonMonths))} (${source})`, '');

  out.push(
    table(
      [r.scenario, r.customersEnd, r.revenue, r.profit, t.npv, t.extraNpv, t.roi, r.payback],
      projection.scenarios.map((scenario, i) => {
        const s = scenario.summary;
        const last = scenario.monthly[scenario.monthly.length - 1];
        return [
          scenario.name,
          f.integer(last ? last.active : 0),
          f.money(s.revenue),
          f.money(s.profit),
          f.money(s.npv),
          s.incrementalNpv === null ? r.notApplicable : f.money(s.incrementalNpv),
          s.roi === null ? r.notApplicable : f.percent(s.roi, 0),
          orNever(s.paybackMonth, i > 0),
        ];
      }),
    ),
    '',
  );

  for (const scenario of projection.scenarios) {
    const years = scenario.monthly.filter((row) => row.month % 12 === 0 || row.month === scenario.monthly.length);
    out.push(
      scenario.name,
      table(
        [t.month, r.satisfied, r.loyal, r.revenue, r.profit, r.cumulativeProfit],
        years.map((row) => [
          String(row.month),
          f.integer(row.satisfied),
          f.integer(row.loyal),
          f.money(row.revenue),
          f.money(row.profit),
          f.money(row.cumulativeProfit),
        ]),
      ),
      '',
    );
  }

  const { satisfied, loyal, referral } = projection.customerValue;
  const valueRow = (label: string, pick: (v: typeof satisfied) => string) => [label, pick(satisfied), pick(loyal)];
  out.push(
    r.clv,
    table(
      ['', r.satisfied, r.loyal],
      [
        valueRow(t.monthlyRevenue, (v) => f.moneyExact(v.monthlyRevenue)),
        valueRow(t.annualRevenue, (v) => f.money(v.annualRevenue)),
        valueRow(t.fiveYearRevenue, (v) => f.money(v.fiveYearRevenue)),
        valueRow(t.lifetimeMonths, (v) => f.decimal(v.lifetimeMonths, 1)),
        valueRow(t.clv, (v) => f.money(v.clv)),
        valueRow(t.referralValue, (v) => f.money(v.referralValue)),
      ],
    ),
    '',
    t.simpleReferral(f.decimal(referral.simple.newLoyalPerYear, 1), f.money(referral.simple.extraRevenuePerYear)),
    t.monthlyReferral(f.decimal(referral.firstYear.newCustomers, 1), f.money(referral.firstYear.extraRevenue)),
    `${r.reproductionNumber}: ${f.decimal(referral.reproductionNumber, 2)}. ${referral.grows ? r.grows : r.fades}`,
    '',
  );
  if (monteCarlo) {
    const range = (s: { p5: number; p50: number; p95: number } | null) =>
      s ? `${f.money(s.p50)} (${f.money(s.p5)} … ${f.money(s.p95)})` : r.notApplicable;
    out.push(
      t.monteCarlo(f.integer(monteCarlo.trials), String(monteCarlo.seed)),
      table(
        [r.scenario, t.npv, t.extraNpv, t.probRoiPositive, t.probPayback],
        monteCarlo.scenarios.map((s) => [
          s.name,
          range(s.npv),
          range(s.incrementalNpv),
          s.probRoiPositive === null ? r.notApplicable : f.percent(s.probRoiPositive, 0),
          s.probPayback === null ? r.notApplicable : f.percent(s.probPayback, 0),
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}
