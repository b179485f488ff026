/**
 * Monte Carlo from Node: the worker pool on worker_threads, running the bundled worker
 * (bundled before any timer starts, so TypeScript compilation is never timed).
 */
import { availableParallelism } from 'node:os';
import { createNodePool } from '../../src/engine/node';
import type { Plan } from '../../src/model/schema';
import type { MonteCarloResult } from '../../src/montecarlo/aggregate';
import { bundleNodeWorker } from './workerBundle';

export interface NodeRunOptions {
  trials: number;
  seed: number;
  workers?: number;
  sensitivity?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export const defaultWorkers = (): number => availableParallelism();

export async function runInWorkers(plan: Plan, options: NodeRunOptions): Promise<MonteCarloResult> {
  const workerFile = await bundleNodeWorker();
  const pool = createNodePool({ size: options.workers ?? defaultWorkers(), workerFile });
  try {
    return await pool.run(plan, options.trials, options.seed, {
      sensitivity: options.sensitivity,
      onProgress: options.onProgress,
      // Nobody watches partial results from the command line; a progress line needs chunks.
      schedule: options.onProgress ? 'interactive' : 'throughput',
    });
  } finally {
    pool.dispose();
  }
}
