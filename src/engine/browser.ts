/**
 * The simulation pool in a page: module workers that Vite bundles from
 * workers/simulation.worker.ts, one fewer than the machine's cores (see defaultPoolSize).
 */
import * as Comlink from 'comlink';
import type { SimulationApi, WorkerHandle } from './api';
import { defaultPoolSize, SimulationPool } from './pool';

export interface BrowserPoolOptions {
  /** Workers; by default from navigator.hardwareConcurrency. */
  size?: number;
  chunkTimeoutMs?: number;
}

export function createBrowserPool(options: BrowserPoolOptions = {}): SimulationPool {
  return new SimulationPool({
    size: options.size ?? defaultPoolSize(navigator.hardwareConcurrency || 2),
    chunkTimeoutMs: options.chunkTimeoutMs,
    createWorker: startWorker,
    yieldToHost: messageChannelYield(),
  });
}

function startWorker(): WorkerHandle {
  // Vite recognises exactly this form and bundles the worker with its imports.
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'loyalty-lab-simulation',
  });
  return {
    api: Comlink.wrap<SimulationApi>(worker),
    onFailure(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(new Error(event.message || 'the simulation worker failed to load or threw'));
      });
      worker.addEventListener('messageerror', () => listener(new Error('a message from the simulation worker could not be read')));
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * A macrotask that is not clamped like setTimeout(0) (4 ms after a few nestings) and lets the
 * page paint and handle input between two steps of the aggregation.
 */
function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
