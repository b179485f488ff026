/**
 * Splitting a run into chunks, and running it in-process (tests, and Node without workers).
 * The worker pool (src/engine) runs the same chunks on other threads; both feed an Aggregator,
 * so both give the same result.
 */
import type { Plan } from '../model/schema';
import { Aggregator, type MonteCarloResult } from './aggregate';
import { BandBuffer } from './bands';
import { simulateChunk, TrialRunner, type ChunkOptions } from './chunk';
import { compilePlan } from './compile';

export interface Chunk {
  start: number;
  count: number;
}

/**
 * About eight chunks per worker: small enough for steady progress and for a fast worker to
 * take over the work of a slow one, large enough that messages cost little.
 */
export function defaultChunkSize(trials: number, workers: number): number {
  return Math.max(50, Math.min(2500, Math.ceil(trials / Math.max(1, workers * 8))));
}

/** Chunks of `chunkSize` trials (the last one shorter). */
export function planChunks(trials: number, chunkSize: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < trials; start += chunkSize) {
    chunks.push({ start, count: Math.min(chunkSize, trials - start) });
  }
  return chunks;
}

/** Smallest chunk worth a message to a worker. */
const MIN_CHUNK = 50;

/**
 * Chunks for `workers` workers taking them on demand: at most `chunkSize`, and shrinking to a
 * fraction of what remains towards the end (guided self-scheduling), so that the workers
 * finish together instead of one waiting for another's last large chunk.
 */
export function planGuidedChunks(trials: number, chunkSize: number, workers: number, minChunk = MIN_CHUNK): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < trials; ) {
    const remaining = trials - start;
    const count = Math.min(remaining, chunkSize, Math.max(minChunk, Math.ceil(remaining / (2 * workers))));
    chunks.push({ start, count });
    start += count;
  }
  return chunks;
}

export interface InProcessOptions extends ChunkOptions {
  chunkSize?: number;
}

/** Runs every trial on this thread. */
export function runMonteCarlo(plan: Plan, trials: number, seed: number, options: InProcessOptions = {}): MonteCarloResult {
  const compiled = compilePlan(plan);
  const aggregator = new Aggregator(compiled, trials, seed);
  const bands = new BandBuffer(aggregator.bands.sketches);
  const runner = new TrialRunner(compiled, seed, options);
  for (const { start, count } of planChunks(trials, options.chunkSize ?? defaultChunkSize(trials, 1))) {
    aggregator.add(simulateChunk(runner, start, count, bands));
  }
  bands.flush();
  return aggregator.complete();
}
