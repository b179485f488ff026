/**
 * The Monte Carlo run of the open plan: start, progress, partial results, cancel, and the
 * latest result. Runs in the worker pool; only the newest request counts (a new run cancels
 * the one in flight, and a stale answer is dropped). When a run is quick, edits re-run it by
 * themselves; otherwise the result is marked stale until the person runs it again.
 */
import { EngineError } from '../engine/api';
import type { SimulationPool } from '../engine/pool';
import type { Plan } from '../model/schema';
import type { MonteCarloResult } from '../montecarlo/aggregate';

export type SimulationStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Runs shorter than this re-run on every edit (after a short pause in typing). */
const LIVE_RERUN_MAX_MS = 1500;
const RERUN_DELAY_MS = 350;

export class Simulation {
  status = $state<SimulationStatus>('idle');
  done = $state(0);
  total = $state(0);
  result = $state.raw<MonteCarloResult | null>(null);
  /** The plan the result belongs to; when it differs from the open plan the result is stale. */
  resultPlan = $state.raw<Plan | null>(null);
  failure = $state<'crashed' | 'timeout' | 'invalid' | null>(null);
  lastDurationMs = $state<number | null>(null);

  private controller: AbortController | null = null;
  private request = 0;
  private rerunTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly pool: () => SimulationPool) {}

  get live(): boolean {
    return this.lastDurationMs !== null && this.lastDurationMs <= LIVE_RERUN_MAX_MS;
  }

  isStale(plan: Plan): boolean {
    return this.result !== null && this.resultPlan !== plan;
  }

  async run(plan: Plan): Promise<void> {
    clearTimeout(this.rerunTimer);
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const request = ++this.request;
    const { trials, seed } = plan.monteCarlo;
    this.status = 'running';
    this.failure = null;
    this.done = 0;
    this.total = trials;
    const started = performance.now();
    try {
      const result = await this.pool().run(plan, trials, seed, {
        signal: controller.signal,
        onProgress: (done) => {
          if (request === this.request) this.done = done;
        },
        onPartial: (partial) => {
          if (request !== this.request) return;
          this.result = partial;
          this.resultPlan = plan;
        },
      });
      if (request !== this.request) return;
      this.result = result;
      this.resultPlan = plan;
      this.lastDurationMs = performance.now() - started;
      this.status = 'done';
    } catch (error) {
      if (request !== this.request) return;
      const kind = error instanceof EngineError ? error.kind : 'crashed';
      if (kind === 'cancelled') {
        this.status = 'cancelled';
      } else {
        this.status = 'failed';
        this.failure = kind;
      }
    }
  }

  cancel(): void {
    clearTimeout(this.rerunTimer);
    this.controller?.abort();
  }

  /** Called on every edit of the plan: re-runs soon when runs are quick. */
  planChanged(plan: Plan): void {
    if (!this.live || this.result === null) return;
    clearTimeout(this.rerunTimer);
    this.rerunTimer = setTimeout(() => void this.run(plan), RERUN_DELAY_MS);
  }
}
