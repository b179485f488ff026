/**
 * A run of consecutive trials, the unit of work a worker receives. Trial i always uses the
 * random stream (seed, i), and every scenario of a trial restarts from the state left after
 * the parameter draws (common random numbers), so a trial's outcome depends only on the plan,
 * the seed and i: not on the chunk it falls in, nor on the worker that runs it.
 */
import { loyalFirst } from '../model/customerValue';
import { evaluateScenario, type ScenarioInputs } from '../model/inputs';
import type { CompiledPlan } from './compile';
import { Rng } from './rng';
import { sampleResolved } from './sampleResolved';
import { simulateScenario, TrialScratch } from './trial';

export const BAND_METRICS = ['customers', 'revenue', 'cumulativeProfit'] as const;
export type BandMetric = (typeof BAND_METRICS)[number];

/** Everything a chunk reports; plain typed arrays, transferable between threads. */
export interface ChunkResult {
  start: number;
  count: number;
  /** [scenario][metric][month][trial in chunk] */
  bands: Float32Array;
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

export function simulateChunk(
  compiled: CompiledPlan,
  seed: number,
  start: number,
  count: number,
  options: ChunkOptions = {},
): ChunkResult {
  const { inputs, resolved, uncertain, bindings, horizon, scenarioCount } = compiled;
  const crn = options.commonRandomNumbers ?? true;
  const bands = new Float32Array(scenarioCount * 3 * horizon * count);
  const npv = new Float64Array(scenarioCount * count);
  const programmeCostPv = new Float64Array(scenarioCount * count);
  const payback = new Float64Array(scenarioCount * count);
  const draws = new Float64Array(count * uncertain.length);

  const values = new Float64Array(inputs.length);
  resolved.forEach((r, i) => (values[i] = r.family === 'fixed' ? r.value : NaN));
  // One inputs object per scenario, refilled by every trial.
  const scenarioInputs: ScenarioInputs[] = bindings.map((binding) => evaluateScenario(binding, values));
  const needsValueOrder = scenarioInputs.map((inputs) => inputs.programmes.some((p) => p.target === 'topClv'));
  const rng = new Rng();
  const common = new Rng();
  const scratch = new TrialScratch(horizon);
  const monthStride = count;
  const metricStride = horizon * count;

  /** One draw of every uncertain input (their order is fixed: it defines the stream). */
  const drawInputs = () => {
    for (let j = 0; j < uncertain.length; j++) {
      const index = uncertain[j];
      const spec = inputs[index].spec;
      let value = sampleResolved(rng, resolved[index]);
      if (spec.integer) value = Math.round(value);
      values[index] = Math.min(spec.max, Math.max(spec.min, value));
    }
  };

  for (let k = 0; k < count; k++) {
    const trial = start + k;
    rng.seed(seed, trial);
    drawInputs();
    for (let j = 0; j < uncertain.length; j++) draws[k * uncertain.length + j] = values[uncertain[j]];
    common.copyFrom(rng);

    for (let s = 0; s < scenarioCount; s++) {
      if (crn) {
        rng.copyFrom(common);
      } else if (s > 0) {
        // Without common random numbers a scenario draws its own inputs and its own path.
        rng.seed(seed, trial + s * INDEPENDENT_STREAM_STRIDE);
        drawInputs();
      }
      const scenarioInput = evaluateScenario(bindings[s], values, scenarioInputs[s]);
      const valuableFirst = needsValueOrder[s] ? loyalFirst(scenarioInput) : true;
      const offset = s * 3 * metricStride + k;
      simulateScenario(scenarioInput, valuableFirst, rng, scratch, bands, offset, metricStride, monthStride);
      npv[s * count + k] = scratch.npv;
      programmeCostPv[s * count + k] = scratch.programmeCostPv;
      if (s === 0) {
        scratch.baselineCumulative.set(scratch.cumulative);
        payback[k] = NaN;
      } else {
        payback[s * count + k] = scratch.paybackMonth() ?? NaN;
      }
    }
  }
  return { start, count, bands, npv, programmeCostPv, payback, draws };
}
