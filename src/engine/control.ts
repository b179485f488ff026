/**
 * The pool's bookkeeping: a worker and whether it failed, a run and how it stopped, and the
 * queue of chunk results waiting for the main thread.
 */
import type { ChunkResult } from '../montecarlo/chunk';
import type { WorkerHandle } from './api';

/** One worker of the pool, and whether it has failed since it was started. */
export class PooledWorker {
  failure: Error | null = null;
  retired = false;
  /** The run whose plan this worker has compiled (0: none). */
  preparedRun = 0;
  private readonly listeners = new Set<(error: Error) => void>();

  constructor(readonly handle: WorkerHandle) {
    handle.onFailure((error) => {
      // A worker we terminated on purpose reports its exit too: that is not a failure.
      if (this.retired || this.failure) return;
      this.failure = error;
      for (const listener of [...this.listeners]) listener(error);
    });
  }

  /** Listens for this worker's failure; returns the function that stops listening. */
  watch(listener: (error: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.listeners.clear();
    try {
      this.handle.terminate();
    } catch {
      // Already gone: nothing left to stop.
    }
  }
}

/** A run's fate: it stops at most once, with the first error (or as done, with null). */
export class RunControl {
  stopped: Error | null = null;
  finished = false;
  /** Whether any worker was given work: a run rejected before that leaves the workers alone. */
  usedWorkers = false;
  private readonly listeners = new Set<(error: Error) => void>();

  constructor(readonly id: number) {}

  get over(): boolean {
    return this.finished || this.stopped !== null;
  }

  stop(error: Error): boolean {
    if (this.over) return false;
    this.stopped = error;
    for (const listener of [...this.listeners]) listener(error);
    this.listeners.clear();
    return true;
  }

  onStop(listener: (error: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Settles with `promise`, or rejects as soon as the run stops. */
  race<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      const off = this.onStop(reject);
      promise.then(
        (value) => (off(), resolve(value)),
        (error: unknown) => (off(), reject(error)),
      );
    });
  }
}

/** Chunk results waiting for the main thread, in arrival order. */
export class Inbox {
  private readonly queue: ChunkResult[] = [];
  private waiting: ((chunk: ChunkResult) => void) | null = null;

  get size(): number {
    return this.queue.length;
  }

  push(chunk: ChunkResult): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(chunk);
    else this.queue.push(chunk);
  }

  take(): Promise<ChunkResult> {
    const next = this.queue.shift();
    return next ? Promise.resolve(next) : new Promise((resolve) => (this.waiting = resolve));
  }
}
