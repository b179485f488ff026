/**
 * Runs a Monte Carlo simulation on a pool of workers. The pool knows nothing of browsers or Node:
 * it is given a factory of workers (src/engine/browser.ts, src/engine/node.ts) and a way to yield
 * to its host, so the same scheduling, progress, cancel and failure handling is tested in Node
 * and runs in the page.
 *
 * Results do not depend on the pool: trial i always uses the random stream (seed, i), and every
 * chunk goes to one Aggregator whatever its size, its worker or its arrival order, so a run here
 * gives exactly what `runMonteCarlo` (src/montecarlo/run.ts) gives in-process.
 *
 * Nothing is shared between threads (no SharedArrayBuffer): chunk results are transferred, so
 * the app runs from any static host without cross-origin isolation headers.
 */
import * as Comlink from 'comlink';
import type { Plan } from '../model/schema';
import { Aggregator, type MonteCarloResult, type StepSignal } from '../montecarlo/aggregate';
import { BandQuantiles, BandSketches, packedBuffers, type PackedBands } from '../montecarlo/bands';
import type { ChunkOptions, ChunkResult } from '../montecarlo/chunk';
import { compilePlan, type CompiledPlan } from '../montecarlo/compile';
import { planChunks, planGuidedChunks, type Chunk } from '../montecarlo/run';
import { crashed, EngineError, message, type EngineErrorKind, type WorkerHandle } from './api';
import { Inbox, PooledWorker, RunControl } from './control';

export interface PoolOptions {
  /** Most workers a run uses; they are started on first use. */
  size: number;
  createWorker: () => WorkerHandle;
  /** A worker that does not answer one call within this time is taken for hung. */
  chunkTimeoutMs?: number;
  /** Lets the host breathe between steps of the main-thread work (a browser paints, handles input). */
  yieldToHost?: () => Promise<void>;
}

export interface RunOptions extends ChunkOptions {
  /** Trials per chunk; by default chosen by `schedule`. */
  chunkSize?: number;
  /**
   * 'interactive' (default): chunks of at most 2,500 trials shrinking towards the end, for steady
   * progress and partial results. 'throughput': for runs nobody watches (CLI, bench), chunks of
   * half a worker's share at first, shrinking to 250 trials, so that the workers finish together
   * even when one core is slower than the other.
   */
  schedule?: 'interactive' | 'throughput';
  signal?: AbortSignal;
  /** After every chunk: trials done so far, and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The result over the trials done so far (without sensitivity), at most every partialIntervalMs. */
  onPartial?: (result: MonteCarloResult) => void;
  partialIntervalMs?: number;
  /** The tornado analysis of the final result; on by default. */
  sensitivity?: boolean;
}

/**
 * How many workers a pool should have on a machine with n logical cores. A page keeps one core
 * for its main thread (input, painting, aggregation), and more than 8 workers buys little for
 * the run sizes of the app while each costs memory and start-up time. In Node the main thread
 * only waits, so a pool there uses all n (pass n as the size directly).
 */
export function defaultPoolSize(hardwareConcurrency: number): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency) : 1;
  return Math.max(1, Math.min(8, cores - 1));
}

const DEFAULT_CHUNK_TIMEOUT_MS = 60_000;
/** Largest chunk of an interactive run: a chunk brings progress and partial results. */
const MAX_GUIDED_CHUNK = 2500;
/** Chunks a worker holds at once: the one it runs and the next, waiting in its queue. */
const CHUNKS_IN_FLIGHT = 2;
/**
 * Smallest chunk of a throughput run. The chunks shrink towards the end so that the workers
 * finish together even when one core is slower (a busy machine): C's yardstick hands out 250
 * trials at a time for the same reason.
 */
const MIN_THROUGHPUT_CHUNK = 250;
const DEFAULT_PARTIAL_INTERVAL_MS = 250;
const setTimeoutYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** The chunks of a run as its workers share them out, and what they send back. */
interface WorkShare {
  next: number;
  inbox: Inbox;
  snapshots: (PackedBands | null)[];
  wantSnapshot: boolean[];
}

interface RunSetup {
  plan: Plan;
  compiled: CompiledPlan;
  trials: number;
  seed: number;
  chunks: Chunk[];
  chunkOptions: ChunkOptions | undefined;
  workers: PooledWorker[];
}

export class SimulationPool {
  readonly size: number;
  private readonly createWorker: () => WorkerHandle;
  private readonly chunkTimeoutMs: number;
  private readonly yieldToHost: () => Promise<void>;
  private workers: PooledWorker[] = [];
  private current: RunControl | null = null;
  private lastRunId = 0;
  private disposed = false;

  constructor(options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a positive integer, got ${options.size}`);
    const timeout = options.chunkTimeoutMs ?? DEFAULT_CHUNK_TIMEOUT_MS;
    if (!(timeout > 0 && timeout <= 2 ** 31 - 1)) throw new RangeError(`chunkTimeoutMs must be in (0, 2^31), got ${timeout}`);
    this.size = options.size;
    this.createWorker = options.createWorker;
    this.chunkTimeoutMs = timeout;
    this.yieldToHost = options.yieldToHost ?? setTimeoutYield;
  }

  /**
   * Simulates `trials` trials of the plan. The plan must be structured-cloneable (a plain object:
   * pass `$state.snapshot(plan)`, not a reactive proxy). A new run cancels the one in progress.
   */
  run(plan: Plan, trials: number, seed: number, options: RunOptions = {}): Promise<MonteCarloResult> {
    this.cancel('superseded by a newer run');
    if (this.disposed) return Promise.reject(new EngineError('cancelled', 'the simulation pool is disposed'));
    const control = new RunControl(++this.lastRunId);
    this.current = control;
    const { signal } = options;
    const onAbort = () => this.stopRun(control, new EngineError('cancelled', 'the run was cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    return this.execute(control, plan, trials, seed, options).finally(() => {
      signal?.removeEventListener('abort', onAbort);
      if (this.current === control) this.current = null;
    });
  }

  /** Stops the run in progress, if any: its promise rejects with kind 'cancelled'. */
  cancel(reason = 'the run was cancelled'): void {
    if (this.current) this.stopRun(this.current, new EngineError('cancelled', reason));
  }

  /** Cancels any run and terminates every worker; later runs reject. */
  dispose(): void {
    this.cancel('the simulation pool is disposed');
    this.disposed = true;
    this.retireWorkers();
  }

  private async execute(control: RunControl, plan: Plan, trials: number, seed: number, options: RunOptions): Promise<MonteCarloResult> {
    try {
      const setup = this.setUp(plan, trials, seed, options);
      const result = await control.race(this.schedule(control, setup, options));
      control.finished = true;
      return result;
    } catch (error) {
      this.stopRun(control, error instanceof Error ? error : new Error(String(error)));
      throw control.stopped ?? error;
    } finally {
      this.release(control);
    }
  }

  /**
   * Checks the arguments, starts the workers the run needs if they are not running yet (they
   * start up while this thread goes on), and compiles the plan once here too: the Aggregator
   * needs it.
   */
  private setUp(plan: Plan, trials: number, seed: number, options: RunOptions): RunSetup {
    if (!Number.isInteger(trials) || trials < 1) throw new EngineError('invalid', `trials must be a positive integer, got ${trials}`);
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new EngineError('invalid', `seed must be an integer in [0, 2^32), got ${seed}`);
    const schedule = options.chunkSize === undefined ? (options.schedule ?? 'interactive') : 'fixed';
    const chunkSize = options.chunkSize ?? (schedule === 'throughput' ? Math.ceil(trials / this.size) : MAX_GUIDED_CHUNK);
    if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new EngineError('invalid', `chunkSize must be a positive integer, got ${chunkSize}`);
    const chunks =
      schedule === 'interactive'
        ? planGuidedChunks(trials, chunkSize, this.size)
        : schedule === 'throughput'
          ? planGuidedChunks(trials, chunkSize, this.size, MIN_THROUGHPUT_CHUNK)
          : planChunks(trials, chunkSize);
    const workers = this.acquire(Math.min(this.size, chunks.length));
    let compiled: CompiledPlan;
    try {
      compiled = compilePlan(plan);
    } catch (error) {
      throw new EngineError('invalid', `the plan cannot be simulated: ${message(error)}`, { cause: error });
    }
    // Only what the worker needs crosses the thread boundary (callbacks cannot be cloned).
    const chunkOptions = options.commonRandomNumbers === undefined ? undefined : { commonRandomNumbers: options.commonRandomNumbers };
    return { plan, compiled, trials, seed, chunks, chunkOptions, workers };
  }

  /**
   * Hands chunks to free workers in trial order and feeds their per-trial outcomes to the
   * Aggregator. The band sketches stay in the workers: when no chunk is left, they share the
   * rows out, each merging the others' sketches of its rows and computing their quantiles, while
   * this thread summarises the per-trial outcomes.
   */
  private async schedule(control: RunControl, setup: RunSetup, options: RunOptions): Promise<MonteCarloResult> {
    const { trials, compiled, workers } = setup;
    const aggregator = new Aggregator(compiled, trials, setup.seed);
    control.usedWorkers = true;
    const share: WorkShare = {
      next: 0,
      inbox: new Inbox(),
      // Each worker's latest copy of its sketches; the first chunk of each brings one.
      snapshots: workers.map(() => null),
      wantSnapshot: workers.map(() => options.onPartial !== undefined),
    };
    const exported = Promise.all(workers.map((worker, index) => this.feed(worker, index, control, setup, share)));
    // Merging is exact and order-free: the bands do not depend on which worker had which trials.
    const quantiles = exported.then((sets) =>
      Promise.all(
        workers.map((worker, shard) => {
          const others = sets.flatMap((set) => set[shard] ?? []);
          // Passed on, not copied: this thread never reads them.
          const moved = Comlink.transfer(others, others.flatMap(packedBuffers));
          return this.call(worker, control, 'crashed', 'computing its bands', () =>
            worker.handle.api.bandQuantiles(control.id, shard, workers.length, moved),
          );
        }),
      ),
    );
    quantiles.catch((error: unknown) => this.stopRun(control, error instanceof Error ? error : new Error(String(error))));

    const interval = options.partialIntervalMs ?? DEFAULT_PARTIAL_INTERVAL_MS;
    let lastPartial = performance.now();
    while (aggregator.done < trials) {
      aggregator.add(await control.race(share.inbox.take()));
      options.onProgress?.(aggregator.done, trials);
      if (!options.onPartial || aggregator.done >= trials) continue;
      // Partial results only when no chunk is waiting, so they never hold back the run.
      if (performance.now() - lastPartial >= interval && share.inbox.size === 0 && share.snapshots.some(Boolean)) {
        const partialBands = new BandSketches(compiled.scenarioCount, compiled.horizon);
        // Each merge in a task of its own, apart from the chunk's arrival and the steps.
        for (const packed of share.snapshots) {
          if (!packed) continue;
          await this.pause(control);
          partialBands.mergePacked(packed);
        }
        aggregator.setBands(partialBands);
        options.onPartial(await this.drive(control, aggregator.steps({ sensitivity: false })));
        lastPartial = performance.now();
        share.wantSnapshot.fill(true);
      }
    }
    // The per-trial outcomes are summarised while the workers finish the bands.
    return this.drive(control, aggregator.steps({ sensitivity: options.sensitivity ?? true }), async () => {
      aggregator.setBands(BandQuantiles.fromShards(compiled.horizon, await control.race(quantiles)));
    });
  }

  /**
   * One worker's share of a run: prepare, then chunk after chunk until none is left, then its
   * band sketches, one set per worker (see exportBands). The first chunk goes out with the plan
   * rather than a round trip later: a worker answers its messages in order, and a failed
   * prepare is reported as such.
   */
  private async feed(worker: PooledWorker, index: number, control: RunControl, setup: RunSetup, share: WorkShare): Promise<(PackedBands | null)[]> {
    const prepared = this.call(worker, control, 'invalid', 'compiling the plan', () => worker.handle.api.prepare(control.id, setup.plan));
    // Two chunks in flight: when the worker finishes one, the next is already in its queue.
    const inFlight: Promise<ChunkResult>[] = [];
    // Near the end, one: a chunk queued behind another would keep the run waiting for this
    // worker while the others sit idle.
    const refill = () => {
      while (inFlight.length === 0 || (inFlight.length < CHUNKS_IN_FLIGHT && setup.chunks.length - share.next > setup.workers.length)) {
        const sent = this.sendChunk(worker, index, control, setup, share);
        if (!sent) return;
        // A failure is awaited in order below; one behind it (the chunk after a failed prepare
        // or crash) must not surface on its own.
        sent.catch(() => undefined);
        inFlight.push(sent);
      }
    };
    refill();
    await prepared;
    worker.preparedRun = control.id;
    while (inFlight.length > 0) {
      share.inbox.push(await inFlight.shift()!);
      refill();
    }
    return this.call(worker, control, 'crashed', 'exporting its bands', () =>
      worker.handle.api.exportBands(control.id, index, setup.workers.length),
    );
  }

  /** Sends the next chunk of the run to a worker, or returns null when none is left. */
  private sendChunk(worker: PooledWorker, index: number, control: RunControl, setup: RunSetup, share: WorkShare): Promise<ChunkResult> | null {
    if (share.next >= setup.chunks.length || control.over) return null;
    const { start, count } = setup.chunks[share.next++];
    const snapshot = share.wantSnapshot[index];
    share.wantSnapshot[index] = false;
    return this.call(worker, control, 'crashed', `trials ${start}–${start + count - 1}`, () =>
      worker.handle.api.runChunk(control.id, setup.seed, start, count, setup.chunkOptions, snapshot),
    ).then((result) => {
      if (result.start !== start || result.count !== count) {
        throw new EngineError('crashed', `a worker answered trials ${result.start}+${result.count} for ${start}+${count}`);
      }
      if (result.sketches) share.snapshots[index] = result.sketches;
      return result;
    });
  }

  /**
   * One call to a worker, raced against the worker's failure, a timer and the run's end: a dead
   * or hung worker leaves comlink's promise pending forever, this one always settles.
   */
  private call<T>(worker: PooledWorker, control: RunControl, kindIfThrown: EngineErrorKind, what: string, invoke: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const cleanups: (() => void)[] = [];
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        finish();
      };
      const fail = (error: Error) => settle(() => reject(error));
      const timer = setTimeout(() => fail(new EngineError('timeout', `a worker did not answer (${what}) within ${this.chunkTimeoutMs} ms`)), this.chunkTimeoutMs);
      cleanups.push(() => clearTimeout(timer));
      cleanups.push(worker.watch((error) => fail(crashed(error))));
      cleanups.push(control.onStop(fail));
      if (worker.failure) return fail(crashed(worker.failure));
      if (control.stopped) return fail(control.stopped);
      let answer: Promise<T>;
      try {
        answer = invoke();
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => fail(new EngineError(kindIfThrown, `a worker failed (${what}): ${message(error)}`, { cause: error })),
      );
    });
  }

  /**
   * Runs an Aggregator generator, yielding to the host between its steps; when the generator
   * is about to read the bands, `beforeBands` provides them. It yields once more before it
   * returns, so that whoever shows the result (a first render of charts is heavy) starts a task
   * of its own.
   */
  private async drive(
    control: RunControl,
    steps: Generator<StepSignal, MonteCarloResult>,
    beforeBands?: () => Promise<void>,
  ): Promise<MonteCarloResult> {
    for (;;) {
      const step = steps.next();
      if (!step.done && step.value === 'bands' && beforeBands) await beforeBands();
      // The bands arrive in a task of their own: yield either way.
      await this.pause(control);
      if (step.done) return step.value;
    }
  }

  /** Lets the host run its other tasks; throws if the run stopped meanwhile. */
  private async pause(control: RunControl): Promise<void> {
    await this.yieldToHost();
    if (control.stopped) throw control.stopped;
  }

  /** The first n workers, started now if they were never started or have failed since. */
  private acquire(n: number): PooledWorker[] {
    for (let i = 0; i < n; i++) {
      const worker = this.workers[i];
      if (worker && !worker.failure) continue;
      worker?.retire();
      try {
        this.workers[i] = new PooledWorker(this.createWorker());
      } catch (error) {
        throw new EngineError('crashed', `a worker could not be started: ${message(error)}`, { cause: error });
      }
    }
    return this.workers.slice(0, n);
  }

  /**
   * Ends a run that did not complete. Its workers may be busy with work nobody wants, broken or
   * hung: all are terminated, and the next run starts fresh ones.
   */
  private stopRun(control: RunControl, error: Error): void {
    if (!control.stop(error)) return;
    if (this.current === control && control.usedWorkers) this.retireWorkers();
  }

  private retireWorkers(): void {
    for (const worker of this.workers) worker.retire();
    this.workers = [];
  }

  /** Lets surviving workers forget the run's compiled plan. */
  private release(control: RunControl): void {
    for (const worker of this.workers) {
      if (worker.preparedRun !== control.id || worker.retired) continue;
      worker.preparedRun = 0;
      worker.handle.api.release(control.id).catch(() => undefined);
    }
  }
}
