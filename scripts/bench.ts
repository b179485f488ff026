/**
 * `npm run --silent bench -- --json [--trials N] [--workers W]`: the Monte Carlo benchmark on
 * the `bench` preset (the workload of shared/bench/cref.c). `ms` runs from before the worker
 * pool is created until the bands and NPV statistics are computed: worker start and result
 * transfer included; process start and TypeScript compilation excluded (the runner and the
 * worker are bundled to plain JavaScript first and run in a fresh Node process, whose peak
 * memory is what `peakRssMb` reports). ../shared/bench/compare.sh times it against the C
 * yardstick. Several --workers values (--workers 1 --workers 2) give one result each.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs, promisify } from 'node:util';
import { bundleNodeWorker, bundleWorker } from './lib/workerBundle';

const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    trials: { type: 'string', default: '10000' },
    workers: { type: 'string', multiple: true },
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
const workerCounts = (values.workers ?? [String(availableParallelism())]).map((w) => positiveInteger('--workers', w));
const [runner, workerFile] = await Promise.all([bundleWorker('scripts/benchRunner.ts'), bundleNodeWorker()]);

const results = [];
for (const workers of workerCounts) {
  const { stdout } = await run(process.execPath, [runner, String(trials), String(workers), workerFile], {
    maxBuffer: 1 << 20,
  });
  results.push(JSON.parse(stdout));
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ results })}\n`);
} else {
  for (const r of results) {
    process.stdout.write(
      `bench: ${r.trials} trials × ${r.scenarios} scenarios × ${r.months} months on ${r.workers} worker(s): ` +
        `${r.ms} ms, ${r.trialsPerSecond} trials/s, peak RSS ${r.peakRssMb} MB\n`,
    );
  }
}
