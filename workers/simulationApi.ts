/**
 * What a simulation worker does, free of any environment: the browser entry
 * (simulation.worker.ts) and the Node entry (simulation.node.ts) only expose this over comlink,
 * and tests can call it directly on the main thread.
 *
 * A plan is compiled once per run (`prepare`), not once per chunk: compiling resolves every
 * 90% range to a distribution, which costs more than a small chunk of trials.
 */
import * as Comlink from 'comlink';
import type { SimulationApi } from '../src/engine/pool';
import type { Plan } from '../src/model/schema';
import { simulateChunk, type ChunkOptions, type ChunkResult } from '../src/montecarlo/chunk';
import { compilePlan, type CompiledPlan } from '../src/montecarlo/compile';

export type { SimulationApi };

export function createSimulationApi(): SimulationApi {
  const runs = new Map<number, CompiledPlan>();
  return {
    prepare(runId: number, plan: Plan): void {
      if (!runs.has(runId)) runs.set(runId, compilePlan(plan));
    },
    runChunk(runId: number, seed: number, start: number, count: number, options?: ChunkOptions): ChunkResult {
      const compiled = runs.get(runId);
      if (!compiled) throw new Error(`run ${runId} was not prepared in this worker`);
      const result = simulateChunk(compiled, seed, start, count, options);
      // Moved, not copied: the worker never touches these arrays again.
      return Comlink.transfer(result, [
        result.bands.buffer,
        result.npv.buffer,
        result.programmeCostPv.buffer,
        result.payback.buffer,
        result.draws.buffer,
      ]);
    },
    release(runId: number): void {
      runs.delete(runId);
    },
  };
}
