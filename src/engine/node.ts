/**
 * The simulation pool in Node (CLI, bench, tests): worker_threads running the bundled
 * workers/simulation.node.ts (see scripts/lib/workerBundle.ts; Node 20 cannot run .ts in a
 * worker). Call `dispose()` when done: idle workers keep the process alive until then.
 */
import * as Comlink from 'comlink';
// The UMD build, because its types sit beside it (the ESM .mjs has no .d.mts); same code.
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { SimulationApi, WorkerHandle } from './api';
import { SimulationPool } from './pool';

export interface NodePoolOptions {
  /** Workers; in Node the main thread only waits, so os.availableParallelism() is a good size. */
  size: number;
  /** Absolute path (or file URL) of the bundled worker, from bundleNodeWorker(). */
  workerFile: string | URL;
  chunkTimeoutMs?: number;
}

export function createNodePool(options: NodePoolOptions): SimulationPool {
  return new SimulationPool({
    size: options.size,
    chunkTimeoutMs: options.chunkTimeoutMs,
    createWorker: () => {
      compileOnWorkerThread(options.size >= availableParallelism());
      // No inherited execArgv: under tsx every worker would start tsx's module loader too (about
      // 50 ms each); the worker file is already plain JavaScript.
      return wrapNodeWorker(new Worker(options.workerFile, { execArgv: [] }));
    },
    yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  });
}

/**
 * Where V8 optimises the hot code of the workers started next (the flag is read when a thread's
 * engine starts). By default a compiler thread of its own does it while the worker goes on in
 * slower code. That thread is free only while a core is: when the workers fill every core it
 * competes with them, and the optimised code comes late. Compiling on the worker's own thread
 * then measured faster (bench, 10,000 trials on 2 workers and 2 cores: median 516 ms against 548
 * over 14 rounds), and slower with a core to spare (1 worker: 824 against 775).
 */
function compileOnWorkerThread(yes: boolean): void {
  setFlagsFromString(yes ? '--no-concurrent-recompilation' : '--concurrent-recompilation');
}

/** A worker_threads Worker that exposes the simulation API, as the pool wants it. */
export function wrapNodeWorker(worker: Worker): WorkerHandle {
  return {
    api: Comlink.wrap<SimulationApi>(nodeEndpoint(worker)),
    onFailure(listener) {
      worker.on('error', (error: unknown) => listener(error instanceof Error ? error : new Error(String(error))));
      worker.on('messageerror', (error: unknown) => listener(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code: number) => listener(new Error(`the simulation worker exited with code ${code}`)));
    },
    terminate: () => void worker.terminate(),
  };
}
