/**
 * A run of consecutive trials, the unit of work a worker receives. Trial i always uses the
 * random stream (seed, i), and every scenario of a trial restarts from the state left after
 * the parameter draws (common random numbers), so a trial's outcome depends only on the plan,
 * the seed and i: not on the chunk it falls in, nor on the worker that runs it.
 */
import { loyalFirst } from '../model/customerValue';
import { evaluateScenario, type ScenarioInputs } from '../model/inputs';
import type { BandBuffer, PackedBands } from './bands';
import type { CompiledPlan } from './compile';
import { Rng } from './rng';
import { samplerOf, type Sampler } from './sampleResolved';
import { warmUpSamplers } from './samplers';
import { simulateScenario, TrialScratch } from './trial';

export const BAND_METRICS = ['customers', 'revenue', 'cumulativeProfit'] as const;
export type BandMetric = (typeof BAND_METRICS)[number];

/** Everything a chunk reports; plain typed arrays, transferable between threads. */
export interface ChunkResult {
  start: number;
  count: number;
  /** A worker's band sketches so far (all its chunks), when the pool asked for a snapshot. */
  sketches?: PackedBands;
  /** [scenario][trial in chunk] */
  npv: Float64Array;
  programmeCostPv: Float64Array;
  /** Payback month, NaN when never (and for the baseline). */
  payback: Float64Array;
  /** [trial in chunk][uncertain input]: the draws, for the sensitivity analysis. */
  draws: Float64Array;
}

export interface ChunkOptions {
  /** Off only to measure what common random numbers buy: each scenario then draws its own inputs and path. */
  commonRandomNumbers?: boolean;
}


/** Stream index offset giving scenario s of trial i its own stream when CRN is off. */
const INDEPENDENT_STREAM_STRIDE = 0x01000000;

/**
 * Runs trials of one compiled plan with one seed. Everything a trial touches is allocated here
 * once, so the trial loop allocates nothing and keeps one shape of every object; a worker keeps
 * one runner for all the chunks of a run (new objects for each chunk measured slower: the
 * optimised code deoptimised on them).
 */
export class TrialRunner {
  private readonly values: Float64Array;
  /** The draw of each uncertain input, in drawing order. */
  private readonly samplers: Sampler[];
  private readonly scenarioInputs: ScenarioInputs[];
  private readonly needsValueOrder: boolean[];
  private readonly rng = new Rng();
  private readonly common = new Rng();
  private readonly scratch: TrialScratch;

  private readonly crn: boolean;

  constructor(
    readonly compiled: CompiledPlan,
    private readonly seed: number,
    options: ChunkOptions = {},
  ) {
    warmUpSamplers();
    this.crn = options.commonRandomNumbers ?? true;
    this.values = new Float64Array(compiled.inputs.length);
    this.samplers = compiled.uncertain.map((index) => samplerOf(compiled.resolved[index]));
    compiled.resolved.forEach((r, i) => (this.values[i] = r.family === 'fixed' ? r.value : NaN));
    this.scenarioInputs = compiled.bindings.map((binding) => evaluateScenario(binding, this.values));
    this.needsValueOrder = this.scenarioInputs.map((inputs) => inputs.programmes.some((p) => p.target === 'topClv'));
    this.scratch = new TrialScratch(compiled.horizon);
  }

  /** One draw of every uncertain input (their order is fixed: it defines the stream). */
  private drawInputs(): void {
    const { inputs, uncertain } = this.compiled;
    for (let j = 0; j < uncertain.length; j++) {
      const index = uncertain[j];
      const spec = inputs[index].spec;
      let value = this.samplers[j](this.rng);
      if (spec.integer) value = Math.round(value);
      this.values[index] = Math.min(spec.max, Math.max(spec.min, value));
    }
  }

  /**
   * Trial `trial`, stored at position k of the chunk's arrays, its band values at trial position
   * `slot` of the buffer ([scenario][metric][month][trial], `capacity` trials per row).
   */
  run(trial: number, k: number, out: ChunkResult, bands: Float32Array, capacity: number, slot: number): void {
    const { uncertain, bindings, horizon, scenarioCount } = this.compiled;
    const { rng, common, scratch, values } = this;
    const count = out.count;
    rng.seed(this.seed, trial);
    this.drawInputs();
    for (let j = 0; j < uncertain.length; j++) out.draws[k * uncertain.length + j] = values[uncertain[j]];
    common.copyFrom(rng);

    for (let s = 0; s < scenarioCount; s++) {
      if (this.crn) {
        rng.copyFrom(common);
      } else if (s > 0) {
        // Without common random numbers a scenario draws its own inputs and its own path.
        rng.seed(this.seed, trial + s * INDEPENDENT_STREAM_STRIDE);
        this.drawInputs();
      }
      const inputs = evaluateScenario(bindings[s], values, this.scenarioInputs[s]);
      const valuableFirst = this.needsValueOrder[s] ? loyalFirst(inputs) : true;
      const metricStride = horizon * capacity;
      simulateScenario(inputs, valuableFirst, rng, scratch, bands, s * BAND_METRICS.length * metricStride + slot, metricStride, capacity);
      out.npv[s * count + k] = scratch.npv;
      out.programmeCostPv[s * count + k] = scratch.programmeCostPv;
      if (s === 0) {
        scratch.baselineCumulative.set(scratch.cumulative);
        out.payback[k] = NaN;
      } else {
        out.payback[s * count + k] = scratch.paybackMonth() ?? NaN;
      }
    }
  }
}

/**
 * A chunk's result as a worker builds it. A class, not an object literal: V8 builds a literal's
 * second instance from a template that widens the type it had recorded for each field, and that
 * threw away the optimised trial code, which relied on it (each worker compiled `run` twice).
 */
class ChunkOutcome implements ChunkResult {
  sketches?: PackedBands;
  readonly npv: Float64Array;
  readonly programmeCostPv: Float64Array;
  readonly payback: Float64Array;
  readonly draws: Float64Array;

  constructor(
    readonly start: number,
    readonly count: number,
    scenarioCount: number,
    uncertainCount: number,
  ) {
    this.npv = new Float64Array(scenarioCount * count);
    this.programmeCostPv = new Float64Array(scenarioCount * count);
    this.payback = new Float64Array(scenarioCount * count);
    this.draws = new Float64Array(count * uncertainCount);
  }
}

/** A sketch, or any other recipient of band values (tests record them raw). */
export interface BandSink {
  addMany(values: ArrayLike<number>, start: number, end: number): void;
}

/**
 * Simulates trials start..start+count−1 of the runner's plan and seed. Their monthly customers,
 * revenue and cumulative profit go to `bands` (a buffer in front of one sink per scenario,
 * metric and month: a worker's or the aggregator's quantile sketches; flush it before reading
 * them); the per-trial outcomes come back in the result.
 */
export function simulateChunk(runner: TrialRunner, start: number, count: number, bands: BandBuffer): ChunkResult {
  const { uncertain, scenarioCount } = runner.compiled;
  const result = new ChunkOutcome(start, count, scenarioCount, uncertain.length);
  // In batches that fit the buffer, so that a large chunk does not grow it.
  for (let done = 0; done < count; ) {
    const batch = Math.min(count - done, bands.room);
    const first = bands.reserve(batch);
    for (let k = done; k < done + batch; k++) runner.run(start + k, k, result, bands.values, bands.capacity, first + k - done);
    done += batch;
  }
  return result;
}
