/**
 * `?bench=TRIALS&workers=W`: the Monte Carlo benchmark inside the browser (the `bench` preset,
 * the workload of the C yardstick), timed like `npm run bench` in Node: from before the worker
 * pool is created until the bands and NPV statistics are computed. `npm run bench -- --browser`
 * opens this page in headless Chromium and reads the result.
 */
import { createBrowserPool } from './engine/browser';
import { presetPlan } from './model/presets';

export interface BrowserBenchResult {
  name: 'bench-browser';
  trials: number;
  workers: number;
  ms: number;
  trialsPerSecond: number;
  npvBaselineMean: number;
}

export async function runBrowserBench(params: URLSearchParams): Promise<BrowserBenchResult> {
  const trials = Math.max(1, Math.floor(Number(params.get('bench')) || 10000));
  const workers = Math.max(1, Math.floor(Number(params.get('workers')) || 2));
  const plan = presetPlan('bench');
  const start = performance.now();
  const pool = createBrowserPool({ size: workers });
  try {
    const result = await pool.run(plan, trials, plan.monteCarlo.seed, { sensitivity: false, schedule: 'throughput' });
    const ms = performance.now() - start;
    return {
      name: 'bench-browser',
      trials,
      workers,
      ms: Math.round(ms * 10) / 10,
      trialsPerSecond: Math.round(trials / (ms / 1000)),
      npvBaselineMean: result.scenarios[0].npv.mean,
    };
  } finally {
    pool.dispose();
  }
}
