/**
 * Every plan that comes from outside (a stored record, a file, a share link) is brought to the
 * current schema version here, before validation. A migration turns version n into n + 1;
 * a plan from a newer app is refused rather than guessed at.
 */
import { SCHEMA_VERSION } from './schema';

export interface PlanProblem {
  /** Dotted path of the bad field ('' for the whole plan). */
  path: string;
  /** A message code; src/i18n turns it into a sentence. */
  code: string;
  expected?: string;
  received?: string;
}

type Migration = (plan: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n plan to version n + 1. Version 1 is the first. */
const MIGRATIONS: Record<number, Migration> = {};

export type MigrationResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; problems: PlanProblem[] };

export function migratePlan(input: unknown): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', code: 'notAPlan' }] };
  }
  let plan = input as Record<string, unknown>;
  const version = plan.schemaVersion;
  if (version === undefined) {
    return { ok: false, problems: [{ path: 'schemaVersion', code: 'missingSchemaVersion' }] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [{ path: 'schemaVersion', code: 'unknownSchemaVersion', received: String(version) }],
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'schemaVersion',
          code: 'newerSchemaVersion',
          expected: String(SCHEMA_VERSION),
          received: String(version),
        },
      ],
    };
  }
  for (let from = version; from < SCHEMA_VERSION; from++) {
    plan = { ...MIGRATIONS[from](plan), schemaVersion: from + 1 };
  }
  return { ok: true, value: plan };
}
