/**
 * The CLI as a user runs it: `npm run --silent sim -- ...` is `tsx scripts/sim.ts ...`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { presetPlan } from '../../src/model/presets';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/sim.ts', ...args], { cwd: root, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'loyalty-lab-cli-'));
function planFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('sim CLI', { timeout: 60_000 }, () => {
  it('lists the presets, one a line', async () => {
    const { code, stdout } = await sim('--list-presets');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(
      expect.arrayContaining(['seed-example', 'cafe', 'subscription-shop', 'b2b-service', 'points-retailer', 'bench']),
    );
  });

  it('prints one JSON object with the seed figures', async () => {
    const { code, stdout, stderr } = await sim('--preset', 'seed-example', '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    const { satisfied, loyal, referral } = report.customerValue;
    expect([satisfied.monthlyRevenue, satisfied.annualRevenue, satisfied.fiveYearRevenue]).toEqual([50, 600, 3000]);
    expect([loyal.monthlyRevenue, loyal.annualRevenue, loyal.fiveYearRevenue]).toEqual([75, 900, 4500]);
    expect(referral.simple.newLoyalPerYear).toBeCloseTo(12, 9);
    expect(referral.simple.extraRevenuePerYear).toBeCloseTo(10800, 6);
    expect(loyal.clv).toBeGreaterThan(satisfied.clv);
    expect(satisfied.clv).toBeGreaterThan(0);
    expect(referral.reproductionNumber).toBeGreaterThanOrEqual(0);
    const [baseline, ...variants] = report.scenarios;
    expect(baseline.summary.roi).toBeNull();
    for (const scenario of report.scenarios) {
      expect(scenario.monthly).toHaveLength(60);
      let running = 0;
      scenario.monthly.forEach((row: Record<string, number>, i: number) => {
        expect(row.month).toBe(i + 1);
        running += row.profit;
        expect(row.cumulativeProfit).toBeCloseTo(running, 4);
        expect(row.satisfied).toBeGreaterThanOrEqual(0);
        expect(row.loyal).toBeGreaterThanOrEqual(0);
      });
    }
    for (const { summary } of variants) {
      for (const key of ['paybackMonth', 'roi', 'incrementalNpv']) {
        expect(summary[key] === null || typeof summary[key] === 'number').toBe(true);
      }
    }
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await sim('--preset', 'cafe');
    expect(code).toBe(0);
    expect(stdout).toContain('Neighbourhood café');
    expect(stdout).toContain('Stamp card');
  });

  it('reads a plan file exported by the app', async () => {
    const file = planFile('cafe.json', JSON.stringify(presetPlan('cafe')));
    const { code, stdout } = await sim(file, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).plan.name).toBe('Neighbourhood café');
  });

  it.each([
    ['an unknown preset', ['--preset', 'nope'], /Unknown preset "nope"/],
    ['a missing file', [path.join(scratch, 'missing.json')], /Cannot read the plan file/],
    ['invalid JSON', [planFile('broken.json', '{ "schemaVersion": 1, ')], /is not valid JSON/],
    ['a bad option', ['--preset', 'cafe', '--trials', 'many'], /--trials/],
  ])('refuses %s with a short message and no stack trace', async (_, args, message) => {
    const { code, stdout, stderr } = await sim(...args);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.split('\n').length).toBeLessThanOrEqual(40);
  });

  it('names each bad field of an invalid plan', async () => {
    const plan = presetPlan('cafe') as unknown as Record<string, any>;
    plan.params.loyalStart = -3;
    plan.params.grossMargin = 'high';
    plan.horizonMonths = 500;
    const { code, stderr } = await sim(planFile('bad.json', JSON.stringify(plan)));
    expect(code).toBe(1);
    expect(stderr).toContain('3 problems');
    expect(stderr).toContain('Loyal customers at start: must be at least 0');
    expect(stderr).toContain('Gross margin: must be a number or a distribution');
    expect(stderr).toContain('Horizon: must be at most 120');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('adds a reproducible monteCarlo with --trials, whatever the number of workers', async () => {
    const results = await Promise.all(
      ['1', '2', '3'].map((workers) =>
        sim('--preset', 'seed-example', '--json', '--trials', '300', '--seed', '7', '--workers', workers),
      ),
    );
    const monteCarlos = results.map(({ code, stdout }) => {
      expect(code).toBe(0);
      return JSON.stringify(JSON.parse(stdout).monteCarlo);
    });
    expect(monteCarlos[1]).toBe(monteCarlos[0]);
    expect(monteCarlos[2]).toBe(monteCarlos[0]);
    const mc = JSON.parse(monteCarlos[0]);
    expect(mc.trials).toBe(300);
    expect(mc.seed).toBe(7);
    expect(mc.sensitivity.length).toBeGreaterThan(0);
    for (const scenario of mc.scenarios) {
      for (const metric of ['customers', 'revenue', 'cumulativeProfit']) {
        const band = scenario.bands[metric];
        for (let month = 0; month < 60; month++) {
          const values = ['p5', 'p25', 'p50', 'p75', 'p95'].map((p) => band[p][month]);
          values.forEach((v) => expect(Number.isFinite(v)).toBe(true));
          expect([...values].sort((a, b) => a - b)).toEqual(values);
        }
      }
    }
    const other = await sim('--preset', 'seed-example', '--json', '--trials', '300', '--seed', '8');
    expect(JSON.stringify(JSON.parse(other.stdout).monteCarlo)).not.toBe(monteCarlos[0]);
  });
});
