/**
 * `npm run --silent bench -- --json [--trials N] [--workers W]`: the Monte Carlo benchmark on
 * the `bench` preset (the workload of shared/bench/cref.c). `ms` runs from before the worker
 * pool is created until the bands and NPV statistics are computed: worker start and result
 * transfer included; process start and TypeScript compilation excluded (the runner and the
 * worker are bundled to plain JavaScript first and run in a fresh Node process, whose peak
 * memory is what `peakRssMb` reports). ../shared/bench/compare.sh times it against the C
 * yardstick. Several --workers values (--workers 1 --workers 2) give one result each.
 * With --browser, the same run also happens in headless Chromium (built app, module workers),
 * reported as `bench-browser` results beside the Node ones.
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
    browser: { type: 'boolean', default: false },
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
if (values.browser) {
  const { runInChromium } = await import('./lib/browserBench');
  for (const workers of workerCounts) results.push(await runInChromium(trials, workers));
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ results })}\n`);
} else {
  for (const r of results) {
    const memory = r.peakRssMb === undefined ? '' : `, peak RSS ${r.peakRssMb} MB`;
    process.stdout.write(
      `${r.name}: ${r.trials} trials on ${r.workers} worker(s): ${r.ms} ms, ${r.trialsPerSecond} trials/s${memory}\n`,
    );
  }
}
