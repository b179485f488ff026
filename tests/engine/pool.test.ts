/**
 * The worker pool on real worker_threads: same bytes as the in-process run whatever the workers
 * and chunks, progress and partial results, cancel, crash, hang, and a newer run winning.
 * Workers run esbuild bundles (Node 20 cannot start a .ts worker), built once in beforeAll.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { bundleNodeWorker, bundleWorker } from '../../scripts/lib/workerBundle';
import { createNodePool, wrapNodeWorker } from '../../src/engine/node';
import { EngineError, type EngineErrorKind, type WorkerHandle } from '../../src/engine/api';
import { SimulationPool } from '../../src/engine/pool';
import { presetPlan, type PresetId } from '../../src/model/presets';
import type { Plan } from '../../src/model/schema';
import { runMonteCarlo } from '../../src/montecarlo/run';

const SEED = 20240607;
const TRIALS = 300;

let simulationFile: string;
let crashingFile: string;
let hangingFile: string;

beforeAll(async () => {
  [simulationFile, crashingFile, hangingFile] = await Promise.all([
    bundleNodeWorker(),
    bundleWorker('tests/engine/fixtures/crashing.worker.ts'),
    bundleWorker('tests/engine/fixtures/hanging.worker.ts'),
  ]);
}, 30_000);

const references = new Map<string, string>();
/** The in-process result, as JSON: what every pool run must reproduce byte for byte. */
function reference(preset: PresetId, trials = TRIALS): string {
  const key = `${preset}:${trials}`;
  if (!references.has(key)) references.set(key, JSON.stringify(runMonteCarlo(presetPlan(preset), trials, SEED)));
  return references.get(key)!;
}

/** Worker factory whose entry file can be switched, counting the workers it starts and stops. */
function switchableFactory(file: () => string, workerData?: () => unknown) {
  const live = new Set<WorkerHandle>();
  let started = 0;
  const createWorker = (): WorkerHandle => {
    const handle = wrapNodeWorker(new Worker(file(), { workerData: workerData?.() }));
    started++;
    live.add(handle);
    return {
      ...handle,
      terminate() {
        live.delete(handle);
        handle.terminate();
      },
    };
  };
  return { createWorker, live, started: () => started };
}

const pools: SimulationPool[] = [];
function track<T extends SimulationPool>(pool: T): T {
  pools.push(pool);
  return pool;
}
afterEach(() => {
  for (const pool of pools.splice(0)) pool.dispose();
});

const setImmediateYield = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Awaits a rejection and checks that it is an EngineError of that kind; returns ms elapsed. */
async function rejection(promise: Promise<unknown>, kind: EngineErrorKind): Promise<number> {
  const start = performance.now();
  const error = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).kind).toBe(kind);
  return performance.now() - start;
}

/** A run long enough to be interrupted, that calls `onStarted` after its first chunk. */
function longRun(pool: SimulationPool, onStarted: () => void, options: { signal?: AbortSignal } = {}) {
  let started = false;
  return pool.run(presetPlan('bench'), 20_000, SEED, {
    chunkSize: 50,
    ...options,
    onProgress: () => {
      if (!started) onStarted();
      started = true;
    },
  });
}

describe('results do not depend on the pool', () => {
  test.each<PresetId>(['bench', 'seed-example'])('%s: identical bytes for 1–3 workers, chunks of 7, 50, 300, and in-process', async (preset) => {
    const plan: Plan = presetPlan(preset);
    for (const size of [1, 2, 3]) {
      const pool = track(createNodePool({ size, workerFile: simulationFile }));
      for (const chunkSize of [7, 50, 300]) {
        const result = await pool.run(plan, TRIALS, SEED, { chunkSize });
        expect(JSON.stringify(result), `${size} workers, chunks of ${chunkSize}`).toBe(reference(preset));
      }
    }
  }, 15_000);
});

describe('while running', () => {
  test('progress reaches the total; partial results come before the end', async () => {
    const pool = track(createNodePool({ size: 2, workerFile: simulationFile }));
    const progress: number[] = [];
    const partialTrials: number[] = [];
    const result = await pool.run(presetPlan('seed-example'), 600, SEED, {
      chunkSize: 10,
      partialIntervalMs: 0,
      onProgress: (done, total) => {
        expect(total).toBe(600);
        progress.push(done);
      },
      onPartial: (partial) => {
        expect(partial.sensitivity).toEqual([]);
        partialTrials.push(partial.trials);
      },
    });
    expect(progress.at(-1)).toBe(600);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress).toHaveLength(60);
    expect(partialTrials.length).toBeGreaterThan(0);
    expect(partialTrials.every((trials) => trials < 600)).toBe(true);
    expect(result.trials).toBe(600);
    expect(JSON.stringify(result)).toBe(reference('seed-example', 600));
  });

  test('abort rejects at once as cancelled, stops the workers, and the next run succeeds', async () => {
    const factory = switchableFactory(() => simulationFile);
    const pool = track(new SimulationPool({ size: 2, createWorker: factory.createWorker, yieldToHost: setImmediateYield }));
    const controller = new AbortController();
    let abortedAt = 0;
    const run = longRun(pool, () => {
      abortedAt = performance.now();
      controller.abort();
    }, { signal: controller.signal });
    await rejection(run, 'cancelled');
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    expect(factory.live.size).toBe(0);

    expect(JSON.stringify(await pool.run(presetPlan('bench'), TRIALS, SEED))).toBe(reference('bench'));
    expect(factory.started()).toBe(4);
  });

  test('a newer run cancels the one in progress, and resolves', async () => {
    const pool = track(createNodePool({ size: 2, workerFile: simulationFile }));
    let second: Promise<unknown> | undefined;
    const first = longRun(pool, () => {
      second = pool.run(presetPlan('seed-example'), TRIALS, SEED);
    });
    await rejection(first, 'cancelled');
    expect(JSON.stringify(await second)).toBe(reference('seed-example'));
  });

  test('pool.cancel() rejects the run as cancelled; a disposed pool rejects new runs', async () => {
    const pool = track(createNodePool({ size: 1, workerFile: simulationFile }));
    await rejection(longRun(pool, () => pool.cancel()), 'cancelled');
    pool.dispose();
    await rejection(pool.run(presetPlan('seed-example'), TRIALS, SEED), 'cancelled');
  });

  test('bad arguments reject as invalid without starting a worker', async () => {
    const factory = switchableFactory(() => simulationFile);
    const pool = track(new SimulationPool({ size: 2, createWorker: factory.createWorker }));
    const plan = presetPlan('seed-example');
    await rejection(pool.run(plan, 0, SEED), 'invalid');
    await rejection(pool.run(plan, 10.5, SEED), 'invalid');
    await rejection(pool.run(plan, TRIALS, -1), 'invalid');
    await rejection(pool.run(plan, TRIALS, SEED, { chunkSize: 0 }), 'invalid');
    expect(factory.started()).toBe(0);
  });
});

describe('failures reject, and the pool recovers', () => {
  test.each(['exit', 'throw'])('a worker that dies (%s) rejects the run as crashed', async (mode) => {
    let file = crashingFile;
    const factory = switchableFactory(() => file, () => ({ mode, failAfterChunks: 2 }));
    const pool = track(new SimulationPool({ size: 2, createWorker: factory.createWorker, yieldToHost: setImmediateYield }));
    const elapsed = await rejection(pool.run(presetPlan('seed-example'), 2000, SEED, { chunkSize: 20 }), 'crashed');
    expect(elapsed).toBeLessThan(2000);
    expect(factory.live.size).toBe(0);

    file = simulationFile;
    expect(JSON.stringify(await pool.run(presetPlan('seed-example'), TRIALS, SEED))).toBe(reference('seed-example'));
  });

  test.each([
    { mode: 'bands', kind: 'crashed', what: 'dies while it finishes its share of the bands' },
    { mode: 'prepare', kind: 'invalid', what: 'cannot compile the plan (not a crashed chunk)' },
  ] as const)('a worker that $what rejects the run as $kind', async ({ mode, kind }) => {
    let file = crashingFile;
    const factory = switchableFactory(() => file, () => ({ mode }));
    const pool = track(new SimulationPool({ size: 2, createWorker: factory.createWorker, yieldToHost: setImmediateYield }));
    await rejection(pool.run(presetPlan('seed-example'), TRIALS, SEED), kind);
    expect(factory.live.size).toBe(0);

    file = simulationFile;
    expect(JSON.stringify(await pool.run(presetPlan('seed-example'), TRIALS, SEED))).toBe(reference('seed-example'));
  });

  test('a worker file that cannot load rejects the run as crashed', async () => {
    const pool = track(createNodePool({ size: 1, workerFile: '/nonexistent/simulation.node.mjs' }));
    await rejection(pool.run(presetPlan('seed-example'), TRIALS, SEED), 'crashed');
  });

  test('a worker that stops answering rejects the run as timeout', async () => {
    let file = hangingFile;
    const factory = switchableFactory(() => file, () => ({ hangAfterChunks: 1 }));
    const pool = track(
      new SimulationPool({ size: 2, chunkTimeoutMs: 500, createWorker: factory.createWorker, yieldToHost: setImmediateYield }),
    );
    const elapsed = await rejection(pool.run(presetPlan('seed-example'), 2000, SEED, { chunkSize: 20 }), 'timeout');
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(2500);
    expect(factory.live.size).toBe(0);

    file = simulationFile;
    expect(JSON.stringify(await pool.run(presetPlan('seed-example'), TRIALS, SEED))).toBe(reference('seed-example'));
  });
});
