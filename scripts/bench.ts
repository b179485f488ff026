/**
 * `npm run --silent bench -- --json [--trials N] [--workers W]`: the Monte Carlo benchmark on
 * the `bench` preset (the workload of shared/bench/cref.c). `ms` runs from before the worker
 * pool is created until the bands and NPV statistics are computed: worker start and result
 * transfer included; process start and TypeScript compilation (the worker bundle is built
 * first) excluded. ../shared/bench/compare.sh times it against the C yardstick.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createNodePool } from '../src/engine/node';
import { presetPlan } from '../src/model/presets';
import { bundleNodeWorker } from './lib/workerBundle';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    trials: { type: 'string', default: '10000' },
    workers: { type: 'string' },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`${name}: expected a positive whole number, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

const trials = positiveInteger('--trials', values.trials);
const workers = positiveInteger('--workers', values.workers ?? String(availableParallelism()));
const plan = presetPlan('bench');
const workerFile = await bundleNodeWorker();

const start = performance.now();
const pool = createNodePool({ size: workers, workerFile });
let result;
try {
  result = await pool.run(plan, trials, plan.monteCarlo.seed, { sensitivity: false });
} finally {
  pool.dispose();
}
const ms = performance.now() - start;

const [baseline, programme] = result.scenarios;
const report = {
  results: [
    {
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
        cumulativeProfitMonth60: result.scenarios.map((s) => {
          const band = s.bands.cumulativeProfit;
          const last = band.p50.length - 1;
          return [band.p5[last], band.p50[last], band.p95[last]].map(Math.round);
        }),
      },
    },
  ],
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const r = report.results[0];
  process.stdout.write(
    `bench: ${r.trials} trials × ${r.scenarios} scenarios × ${r.months} months on ${r.workers} worker(s): ` +
      `${r.ms} ms, ${r.trialsPerSecond} trials/s, peak RSS ${r.peakRssMb} MB\n`,
  );
}
