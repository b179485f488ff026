/**
 * What a simulation worker does, free of any environment: the browser entry
 * (simulation.worker.ts) and the Node entry (simulation.node.ts) only expose this over comlink,
 * and tests can call it directly on the main thread.
 *
 * A plan is compiled once per run (`prepare`), not once per chunk: compiling resolves every
 * 90% range to a distribution, which costs more than a small chunk of trials. The worker keeps
 * the run's band sketches itself, so the main thread never inserts band values: chunks return
 * only per-trial outcomes, plus a copy of the worker's sketches when asked (`snapshot`). At the
 * end the workers share the rows out: each merges the others' sketches of its rows and
 * computes their quantiles (`exportBands`, then `bandQuantiles`).
 */
import * as Comlink from 'comlink';
import type { SimulationApi } from '../src/engine/api';
import type { Plan } from '../src/model/schema';
import { BandBuffer, BandSketches, packedBuffers, shardRows, type PackedBands } from '../src/montecarlo/bands';
import { simulateChunk, TrialRunner, type ChunkOptions, type ChunkResult } from '../src/montecarlo/chunk';
import { compilePlan, type CompiledPlan } from '../src/montecarlo/compile';

export type { SimulationApi };

interface Run {
  compiled: CompiledPlan;
  bands: BandSketches;
  /** Band values of recent chunks on their way into `bands`. */
  buffer: BandBuffer;
  /** One runner for all the run's chunks (a run has one seed and one set of options). */
  runner: TrialRunner | null;
}

/**
 * Detaches a throwaway buffer, before any trial code is optimised. V8 assumes that no ArrayBuffer
 * has been detached until one is, and its optimised code relies on that: the first chunk result
 * a worker transferred (transferring detaches) threw away all its optimised trial code at once,
 * and its second chunk ran unoptimised while V8 compiled everything again (250 trials: 85-95 ms
 * instead of 15).
 */
function detachOnce(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
}

export function createSimulationApi(): SimulationApi {
  detachOnce();
  const runs = new Map<number, Run>();
  const runOf = (runId: number) => {
    const run = runs.get(runId);
    if (!run) throw new Error(`run ${runId} was not prepared in this worker`);
    return run;
  };
  return {
    prepare(runId: number, plan: Plan): void {
      if (runs.has(runId)) return;
      const compiled = compilePlan(plan);
      const bands = new BandSketches(compiled.scenarioCount, compiled.horizon);
      runs.set(runId, { compiled, bands, buffer: new BandBuffer(bands.sketches), runner: null });
    },
    runChunk(runId, seed, start, count, options?: ChunkOptions, snapshot = false): ChunkResult {
      const run = runOf(runId);
      run.runner ??= new TrialRunner(run.compiled, seed, options);
      const result = simulateChunk(run.runner, start, count, run.buffer);
      if (snapshot) {
        run.buffer.flush();
        result.sketches = run.bands.pack();
      }
      // Moved, not copied: the worker never touches these arrays again.
      return Comlink.transfer(result, [
        result.npv.buffer,
        result.programmeCostPv.buffer,
        result.payback.buffer,
        result.draws.buffer,
        ...(result.sketches ? packedBuffers(result.sketches) : []),
      ]);
    },
    exportBands(runId: number, shard: number, shards: number): (PackedBands | null)[] {
      const run = runOf(runId);
      run.buffer.flush();
      const rows = run.bands.sketches.length;
      const sets = Array.from({ length: shards }, (_, i) => (i === shard ? null : run.bands.pack(...shardRows(rows, shards, i))));
      return Comlink.transfer(sets, sets.flatMap((set) => (set ? packedBuffers(set) : [])));
    },
    bandQuantiles(runId: number, shard: number, shards: number, others: PackedBands[]): Float64Array {
      const run = runOf(runId);
      const [from, to] = shardRows(run.bands.sketches.length, shards, shard);
      for (const packed of others) run.bands.mergePacked(packed, from);
      const values = run.bands.quantileRows(from, to);
      return Comlink.transfer(values, [values.buffer]);
    },
    release(runId: number): void {
      runs.delete(runId);
    },
  };
}
