/**
 * Every schema version that ever shipped has a stored plan in tests/fixtures: each must still
 * open (through its migrations) as long as the app lives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/model/schema';
import { parsePlan } from '../../src/model/validate';

const dir = path.resolve(import.meta.dirname, '../fixtures');
const fixtures = readdirSync(dir).filter((name) => /^plan-v\d+\.json$/.test(name));

describe('stored plans of every schema version', () => {
  it('has a fixture for every version up to the current one', () => {
    const versions = fixtures.map((name) => Number(name.match(/\d+/)![0])).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtures)('%s opens as a current plan', (name) => {
    const result = parsePlan(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.plan.schemaVersion).toBe(SCHEMA_VERSION);
  });
});
