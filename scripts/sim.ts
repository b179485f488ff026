/**
 * `npm run --silent sim -- ...`: compute any plan from the command line.
 * With --json, stdout holds exactly one JSON object; everything else goes to stderr.
 * A bad plan, a missing file or an unknown preset exits non-zero with a short message naming
 * each bad field; never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { en } from '../src/i18n/en';
import { describeProblem } from '../src/i18n/problems';
import { isPresetId, PRESET_IDS, presetPlan } from '../src/model/presets';
import { projectPlan } from '../src/model/projection';
import type { Plan } from '../src/model/schema';
import { MAX_TRIALS } from '../src/model/schema';
import { parsePlan } from '../src/model/validate';
import type { MonteCarloResult } from '../src/montecarlo/aggregate';
import { runInWorkers } from './lib/monteCarlo';
import { buildReport, renderTable } from './lib/report';

const MAX_PROBLEM_LINES = 30;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function loadPlan(preset: string | undefined, file: string | undefined): Promise<{ plan: Plan; source: string }> {
  if (preset !== undefined) {
    if (!isPresetId(preset)) fail(en.cli.unknownPreset(preset));
    return { plan: presetPlan(preset), source: `preset:${preset}` };
  }
  if (file === undefined) throw new UsageError(en.cli.usage);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    fail(en.cli.missingFile(file));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(en.cli.invalidJson(file, (error as Error).message));
  }
  const result = parsePlan(json);
  if (!result.ok) {
    const lines = result.problems.slice(0, MAX_PROBLEM_LINES).map((p) => `  - ${describeProblem(p, en)}`);
    if (result.problems.length > MAX_PROBLEM_LINES) {
      lines.push(`  ${en.cli.moreProblems(String(result.problems.length - MAX_PROBLEM_LINES))}`);
    }
    fail([en.cli.invalidPlan(file, en.cli.problemCount(result.problems.length)), ...lines].join('\n'));
  }
  return { plan: result.plan, source: `file:${file}` };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        json: { type: 'boolean', default: false },
        trials: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        'list-presets': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${en.cli.usage}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${en.cli.usage}\n`);
    return;
  }
  if (values['list-presets']) {
    process.stdout.write(`${PRESET_IDS.join('\n')}\n`);
    return;
  }
  if (positionals.length > 1 || (values.preset !== undefined && positionals.length > 0)) {
    throw new UsageError(en.cli.usage);
  }
  const trials = integerOption('--trials', values.trials, 1, MAX_TRIALS);
  const seed = integerOption('--seed', values.seed, 0, 2 ** 32 - 1);
  const workers = integerOption('--workers', values.workers, 1, 64);
  const { plan, source } = await loadPlan(values.preset, positionals[0]);
  const projection = projectPlan(plan);
  let monteCarlo: MonteCarloResult | undefined;
  if (trials !== undefined || seed !== undefined) {
    monteCarlo = await runInWorkers(plan, {
      trials: trials ?? plan.monteCarlo.trials,
      seed: seed ?? plan.monteCarlo.seed,
      workers,
      onProgress: process.stderr.isTTY
        ? (done, total) => process.stderr.write(`\rsimulating ${done}/${total} trials`)
        : undefined,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  const report = buildReport(plan, source, projection, monteCarlo);
  process.stdout.write(
    values.json ? `${JSON.stringify(report)}\n` : renderTable(plan, source, projection, monteCarlo),
  );
}

/** An integer option in [min, max], or undefined when absent; a bad value is a usage error. */
function integerOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(en.cli.badOption(name, `expected a whole number from ${min} to ${max}, got "${text}"`));
  }
  return value;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) fail(error.message, 2);
  fail(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
});
