/**
 * Plans as files: the JSON the app downloads is the JSON `npm run sim` reads. A file opened
 * from disk goes through parsePlan like any stored plan: bad JSON or a bad field is reported,
 * never half-loaded.
 */
import type { Plan } from '../model/schema';
import { parsePlan, type PlanProblem } from '../model/validate';

export function planToFile(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A file name from the plan's name: "Seed example" → "seed-example.loyalty.json". */
export function planFileName(plan: Plan): string {
  const slug = plan.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'plan'}.loyalty.json`;
}

export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; problems: PlanProblem[] };

export function planFromFile(text: string): PlanFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', code: 'notJson' }] };
  }
  return parsePlan(json);
}
