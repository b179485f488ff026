/**
 * Collects chunk results into the Monte Carlo result. Per-month bands go into mergeable
 * quantile sketches (memory stays bounded at 100,000 trials); per-trial outcomes (NPV, ROI,
 * payback, the draws) are kept exactly, at their trial index. The result depends only on the
 * plan, the number of trials and the seed: not on chunk sizes, workers or arrival order.
 *
 * `steps()` computes the result in small steps (a generator), so that a browser can yield to
 * the page between them; Node callers just run it to the end with `complete()`.
 */
import { BandSketches, type Band, type BandSource } from './bands';
import type { CompiledPlan } from './compile';
import { BAND_METRICS, type BandMetric, type ChunkResult } from './chunk';
import {
  correlationOfRanks,
  describe,
  ranks,
  shareAboveZero,
  tailMeans,
  type OutcomeStats,
} from './statistics';

export type { Band };

export interface ScenarioOutcome {
  id: string;
  name: string;
  bands: Record<BandMetric, Band>;
  npv: OutcomeStats;
  /** Null for the baseline. */
  incrementalNpv: OutcomeStats | null;
  /** Null for the baseline, or when the scenario spends nothing more on programmes. */
  roi: OutcomeStats | null;
  /** Months to payback among trials that pay back; null for the baseline or when none does. */
  paybackMonth: OutcomeStats | null;
  /** Share of trials in which the programme pays back within the horizon; null for the baseline. */
  probPayback: number | null;
  /** P(ROI > 0): the chance that the programme pays for itself; null for the baseline. */
  probRoiPositive: number | null;
}

export interface SensitivityRow {
  /** The scenario whose outcome is explained (the baseline's NPV when there is no programme). */
  scenario: string;
  outcome: 'incrementalNpv' | 'npv';
  /** Path of the uncertain input, as in the plan (e.g. "params.loyalChurn"). */
  input: string;
  /** Spearman rank correlation between the input and the outcome. */
  correlation: number;
  /** Mean outcome when the input is in its lowest / highest 10% of draws. */
  low: number;
  high: number;
}

/** What a step of `Aggregator.steps()` tells its driver: 'bands' when it is about to read them. */
export type StepSignal = void | 'bands';

export interface MonteCarloResult {
  trials: number;
  seed: number;
  scenarios: ScenarioOutcome[];
  sensitivity: SensitivityRow[];
}

/**
 * The tornado uses the first 20,000 trials at most: the sampling error of a rank correlation is
 * then about 1/sqrt(20,000) ≈ 0.007, invisible on the chart, and each row stays a short step
 * for the page (a row over 100,000 trials took about 50 ms).
 */
const SENSITIVITY_TRIALS = 20_000;

export class Aggregator {
  /** The bands' sketches; an in-process run passes them to simulateChunk as its sinks. */
  readonly bands: BandSketches;
  /** Where the result's bands come from: these sketches, unless setBands said otherwise. */
  private bandSource: BandSource;
  private readonly npv: Float64Array;
  private readonly costPv: Float64Array;
  private readonly payback: Float64Array;
  /** Draws of the uncertain inputs, kept only for the trials the sensitivity analysis reads. */
  private readonly draws: Float64Array;
  private received = 0;

  constructor(
    private readonly compiled: CompiledPlan,
    readonly trials: number,
    private readonly seed: number,
  ) {
    const { scenarioCount, horizon, uncertain } = compiled;
    this.bands = new BandSketches(scenarioCount, horizon);
    this.bandSource = this.bands;
    this.npv = new Float64Array(scenarioCount * trials).fill(NaN);
    this.costPv = new Float64Array(scenarioCount * trials).fill(NaN);
    this.payback = new Float64Array(scenarioCount * trials).fill(NaN);
    this.draws = new Float64Array(Math.min(trials, SENSITIVITY_TRIALS) * uncertain.length);
  }

  get done(): number {
    return this.received;
  }

  /** Adds a chunk's per-trial outcomes (its bands went to sinks while it ran). */
  add(chunk: ChunkResult): void {
    const { start, count } = chunk;
    const { scenarioCount, uncertain } = this.compiled;
    for (let s = 0; s < scenarioCount; s++) {
      this.npv.set(chunk.npv.subarray(s * count, (s + 1) * count), s * this.trials + start);
      this.costPv.set(chunk.programmeCostPv.subarray(s * count, (s + 1) * count), s * this.trials + start);
      this.payback.set(chunk.payback.subarray(s * count, (s + 1) * count), s * this.trials + start);
    }
    const kept = Math.max(0, Math.min(count, SENSITIVITY_TRIALS - start));
    if (kept > 0) this.draws.set(chunk.draws.subarray(0, kept * uncertain.length), start * uncertain.length);
    this.received += count;
  }

  /** Takes the bands from elsewhere: the merged sketches of the workers, or their quantiles. */
  setBands(source: BandSource): void {
    this.bandSource = source;
  }

  private slice(values: Float64Array, scenario: number): Float64Array {
    return values.subarray(scenario * this.trials, (scenario + 1) * this.trials);
  }

  /** NPV minus the baseline's NPV, trial by trial (common random numbers make this sharp). */
  private incremental(scenario: number): Float64Array {
    const own = this.slice(this.npv, scenario);
    const base = this.slice(this.npv, 0);
    const incremental = new Float64Array(own.length);
    for (let i = 0; i < own.length; i++) incremental[i] = own[i] - base[i];
    return incremental;
  }

  private roi(scenario: number, incremental: Float64Array): Float64Array {
    const cost = this.slice(this.costPv, scenario);
    const baseCost = this.slice(this.costPv, 0);
    const roi = new Float64Array(incremental.length);
    for (let i = 0; i < roi.length; i++) {
      const extraCost = cost[i] - baseCost[i];
      roi[i] = extraCost > 0 ? incremental[i] / extraCost : NaN;
    }
    return roi;
  }

  /**
   * The result over the trials received so far, computed in steps (yield between them). The
   * per-trial outcomes come first; before it reads the bands the generator yields 'bands', so a
   * pool can compute everything else while its workers are still sending their sketches
   * (`setBands` must have been called when the generator resumes).
   */
  *steps(options: { sensitivity?: boolean } = {}): Generator<StepSignal, MonteCarloResult> {
    const { plan, scenarioCount } = this.compiled;
    const outcomes: Omit<ScenarioOutcome, 'bands'>[] = [];
    const incrementals: Float64Array[] = [];
    for (let s = 0; s < scenarioCount; s++) {
      const npv = describe(this.slice(this.npv, s))!;
      yield;
      const incremental = s === 0 ? null : this.incremental(s);
      if (incremental) incrementals[s] = incremental;
      const incrementalNpv = incremental ? describe(incremental) : null;
      yield;
      const roi = incremental ? this.roi(s, incremental) : null;
      const roiStats = roi ? describe(roi) : null;
      yield;
      const payback = s === 0 ? null : this.slice(this.payback, s);
      const paybackStats = payback ? describe(payback) : null;
      outcomes.push({
        id: plan.scenarios[s].id,
        name: plan.scenarios[s].name,
        npv,
        incrementalNpv,
        roi: roiStats,
        paybackMonth: paybackStats,
        probPayback: payback ? (paybackStats?.count ?? 0) / this.received : null,
        probRoiPositive: roi ? shareAboveZero(roi) : null,
      });
      yield;
    }
    const sensitivity: SensitivityRow[] = [];
    // Tail means and ranks need every trial: only a complete run gets a sensitivity analysis.
    if ((options.sensitivity ?? true) && this.received === this.trials) {
      for (const row of this.sensitivitySteps(incrementals)) {
        if (row) sensitivity.push(row);
        yield;
      }
    }
    yield 'bands';
    const scenarios: ScenarioOutcome[] = [];
    for (let s = 0; s < scenarioCount; s++) {
      const bands = Object.fromEntries(BAND_METRICS.map((metric) => [metric, this.bandSource.band(s, metric)])) as Record<
        BandMetric,
        Band
      >;
      const { id, name, ...rest } = outcomes[s];
      scenarios.push({ id, name, bands, ...rest });
      yield;
    }
    return { trials: this.received, seed: this.seed, scenarios, sensitivity };
  }

  /** Runs `steps()` to the end at once. */
  complete(options: { sensitivity?: boolean } = {}): MonteCarloResult {
    const steps = this.steps(options);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /**
   * One row per (scenario, uncertain input that can affect it), sorted later by the caller
   * (the UI sorts by swing). Without any programme scenario, the baseline's NPV is explained.
   */
  private *sensitivitySteps(incrementals: Float64Array[]): Generator<SensitivityRow | null> {
    const { plan, inputs, uncertain, scenarioCount } = this.compiled;
    const k = uncertain.length;
    if (k === 0) return;
    const targets =
      scenarioCount > 1
        ? Array.from({ length: scenarioCount - 1 }, (_, i) => ({ s: i + 1, outcome: 'incrementalNpv' as const }))
        : [{ s: 0, outcome: 'npv' as const }];
    const column = new Float64Array(Math.min(this.trials, SENSITIVITY_TRIALS));
    for (const { s, outcome } of targets) {
      const values = outcome === 'npv' ? this.slice(this.npv, 0) : incrementals[s];
      const sample = values.subarray(0, column.length);
      const outcomeRanks = ranks(sample);
      yield null;
      const scenario = plan.scenarios[s];
      for (let j = 0; j < k; j++) {
        const path = inputs[uncertain[j]].path;
        if (!affects(path, scenario, plan.scenarios[0].id)) continue;
        for (let i = 0; i < column.length; i++) column[i] = this.draws[i * k + j];
        const correlation = correlationOfRanks(ranks(column), outcomeRanks);
        const { low, high } = tailMeans(column, sample);
        yield { scenario: scenario.id, outcome, input: path, correlation, low, high };
      }
    }
  }
}

/** Whether an input can change a scenario's outcome (its own programmes and overrides, or the plan's). */
function affects(
  path: string,
  scenario: { id: string; programmes: string[] },
  baselineId: string,
): boolean {
  const [root, id] = path.split('.');
  if (root === 'params') return true;
  if (root === 'programmes') return scenario.programmes.includes(id);
  return id === scenario.id || id === baselineId;
}
