/**
 * The contract between the pool and its workers: what a simulation worker offers
 * (workers/simulationApi.ts implements it), how an environment hands a started worker over,
 * and why a run failed. It lives on the caller's side: the engine may not import the workers.
 */
import type { Remote } from 'comlink';
import type { Plan } from '../model/schema';
import type { PackedBands } from '../montecarlo/bands';
import type { ChunkOptions, ChunkResult } from '../montecarlo/chunk';

/** What the pool needs from a worker. */
export interface SimulationApi {
  /** Compiles the plan for a run; later calls with the same runId do nothing. */
  prepare(runId: number, plan: Plan): void;
  /**
   * Simulates trials start..start+count−1. Their band values go into the worker's own sketches;
   * with `snapshot`, the result carries a copy of those sketches (all the run's chunks so far).
   */
  runChunk(runId: number, seed: number, start: number, count: number, options?: ChunkOptions, snapshot?: boolean): ChunkResult;
  /**
   * Ends the worker's chunks of a run: its band sketches (every chunk it simulated), split into
   * the `shards` row ranges of shardRows, one packed set per shard; null for its own `shard`,
   * which it keeps.
   */
  exportBands(runId: number, shard: number, shards: number): (PackedBands | null)[];
  /**
   * Merges the other workers' sets of its shard (from exportBands) into its own sketches and
   * returns the quantiles of the shard's rows (BandSketches.quantileRows).
   */
  bandQuantiles(runId: number, shard: number, shards: number, others: PackedBands[]): Float64Array;
  /** Forgets the run's compiled plan. */
  release(runId: number): void;
}

/** A started worker, as the environment's factory hands it over. */
export interface WorkerHandle {
  api: Remote<SimulationApi>;
  /** Called when the worker errors, exits or cannot deliver a message: its pending calls will never answer. */
  onFailure(listener: (error: Error) => void): void;
  terminate(): void;
}

export type EngineErrorKind = 'cancelled' | 'crashed' | 'timeout' | 'invalid';

/** Why a run did not produce a result. 'cancelled' is expected (a newer run, a cancel button). */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function crashed(error: Error): EngineError {
  return new EngineError('crashed', `a worker stopped: ${error.message}`, { cause: error });
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
