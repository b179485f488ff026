/**
 * A run of consecutive trials, the unit of work a worker receives. Trial i always uses the
 * random stream (seed, i), and every scenario of a trial restarts from the state left after
 * the parameter draws (common random numbers), so a trial's outcome depends only on the plan,
 * the seed and i: not on the chunk it falls in, nor on the worker that runs it.
 */
import { loyalFirst } from '../model/customerValue';
import { evaluateScenario, type ScenarioInputs } from '../model/inputs';
import type { CompiledPlan } from './compile';
import type { SketchData } from './quantileSketch';
import { Rng } from './rng';
import { sampleResolved } from './sampleResolved';
import { simulateScenario, TrialScratch } from './trial';

export const BAND_METRICS = ['customers', 'revenue', 'cumulativeProfit'] as const;
export type BandMetric = (typeof BAND_METRICS)[number];

/** Everything a chunk reports; plain typed arrays, transferable between threads. */
export interface ChunkResult {
  start: number;
  count: number;
  /** A worker's band sketches so far (all its chunks), when the pool asked for a snapshot. */
  sketches?: SketchData[];
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
 * Runs trials of one compiled plan. Everything a trial touches is allocated here once, so the
 * trial loop allocates nothing and keeps one shape of every object (fast to optimise).
 */
class TrialRunner {
  private readonly values: Float64Array;
  private readonly scenarioInputs: ScenarioInputs[];
  private readonly needsValueOrder: boolean[];
  private readonly rng = new Rng();
  private readonly common = new Rng();
  private readonly scratch: TrialScratch;

  constructor(
    private readonly compiled: CompiledPlan,
    private readonly seed: number,
    private readonly crn: boolean,
  ) {
    this.values = new Float64Array(compiled.inputs.length);
    compiled.resolved.forEach((r, i) => (this.values[i] = r.family === 'fixed' ? r.value : NaN));
    this.scenarioInputs = compiled.bindings.map((binding) => evaluateScenario(binding, this.values));
    this.needsValueOrder = this.scenarioInputs.map((inputs) => inputs.programmes.some((p) => p.target === 'topClv'));
    this.scratch = new TrialScratch(compiled.horizon);
  }

  /** One draw of every uncertain input (their order is fixed: it defines the stream). */
  private drawInputs(): void {
    const { inputs, resolved, uncertain } = this.compiled;
    for (let j = 0; j < uncertain.length; j++) {
      const index = uncertain[j];
      const spec = inputs[index].spec;
      let value = sampleResolved(this.rng, resolved[index]);
      if (spec.integer) value = Math.round(value);
      this.values[index] = Math.min(spec.max, Math.max(spec.min, value));
    }
  }

  /** Trial `trial`, stored at position k of the chunk's arrays (bands: [scenario][metric][month][trial]). */
  run(trial: number, k: number, out: ChunkResult, bands: Float32Array): void {
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
      const metricStride = horizon * count;
      simulateScenario(inputs, valuableFirst, rng, scratch, bands, s * BAND_METRICS.length * metricStride + k, metricStride, count);
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

/** A sketch, or any other recipient of band values (tests record them raw). */
export interface BandSink {
  addMany(values: ArrayLike<number>, start: number, end: number): void;
}

/**
 * Simulates trials start..start+count−1. Their monthly customers, revenue and cumulative
 * profit go to `sinks`, one per (scenario, metric, month) in that order (a worker's or the
 * aggregator's quantile sketches); the per-trial outcomes come back in the result. `buffer`
 * (reused between chunks when given) holds the chunk's band values on their way to the sinks.
 */
export function simulateChunk(
  compiled: CompiledPlan,
  seed: number,
  start: number,
  count: number,
  sinks: readonly BandSink[],
  options: ChunkOptions = {},
  buffer?: Float32Array,
): ChunkResult {
  const length = sinks.length * count;
  const bands = buffer && buffer.length >= length ? buffer.subarray(0, length) : new Float32Array(length);
  const { uncertain, scenarioCount } = compiled;
  const result: ChunkResult = {
    start,
    count,
    npv: new Float64Array(scenarioCount * count),
    programmeCostPv: new Float64Array(scenarioCount * count),
    payback: new Float64Array(scenarioCount * count),
    draws: new Float64Array(count * uncertain.length),
  };
  const runner = new TrialRunner(compiled, seed, options.commonRandomNumbers ?? true);
  for (let k = 0; k < count; k++) runner.run(start + k, k, result, bands);
  for (let i = 0; i < sinks.length; i++) sinks[i].addMany(bands, i * count, (i + 1) * count);
  return result;
}
