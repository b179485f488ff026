/**
 * The simulation pool in Node (CLI, bench, tests): worker_threads running the bundled
 * workers/simulation.node.ts (see scripts/lib/workerBundle.ts; Node 20 cannot run .ts in a
 * worker). Call `dispose()` when done: idle workers keep the process alive until then.
 */
import * as Comlink from 'comlink';
// The UMD build, because its types sit beside it (the ESM .mjs has no .d.mts); same code.
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
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
    // No inherited execArgv: under tsx every worker would start tsx's module loader too (about
    // 50 ms each); the worker file is already plain JavaScript.
    createWorker: () => wrapNodeWorker(new Worker(options.workerFile, { execArgv: [] })),
    yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  });
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
