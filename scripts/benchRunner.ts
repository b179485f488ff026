/**
 * The timed part of `npm run bench`, run as plain JavaScript in a fresh Node process (see
 * scripts/bench.ts), so that neither TypeScript compilation nor the TypeScript loader's memory
 * is counted. Prints one JSON result on stdout.
 */
import { performance } from 'node:perf_hooks';
import { createNodePool } from '../src/engine/node';
import { presetPlan } from '../src/model/presets';

const [trialsArg, workersArg, workerFile] = process.argv.slice(2);
const trials = Number(trialsArg);
const workers = Number(workersArg);
const plan = presetPlan('bench');

const start = performance.now();
const pool = createNodePool({ size: workers, workerFile });
let result;
try {
  result = await pool.run(plan, trials, plan.monteCarlo.seed, { sensitivity: false, schedule: 'throughput' });
} finally {
  pool.dispose();
}
const ms = performance.now() - start;

const [baseline, programme] = result.scenarios;
const month60 = (band: { p5: number[]; p50: number[]; p95: number[] }) =>
  [band.p5, band.p50, band.p95].map((values) => Math.round(values[values.length - 1]));
process.stdout.write(
  `${JSON.stringify({
    name: 'bench',
    trials,
    months: plan.horizonMonths,
    scenarios: plan.scenarios.length,
    workers,
    ms: Math.round(ms * 10) / 10,
    trialsPerSecond: Math.round(trials / (ms / 1000)),
    peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    check: {
      npvBaselineMean: baseline.npv.mean,
      incrementalNpvMean: programme.incrementalNpv?.mean ?? null,
      programmeNpvMean: programme.npv.mean,
      cumulativeProfitMonth60: result.scenarios.map((s) => month60(s.bands.cumulativeProfit)),
    },
  })}\n`,
);
