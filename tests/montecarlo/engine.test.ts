/**
 * The Monte Carlo engine as a whole: agreement with the C yardstick, with the deterministic
 * projection, the variance reduction of common random numbers, the error of the quantile
 * sketch, reproducibility. Fixed seeds; every tolerance is derived from the sample size.
 */
import { describe, expect, it } from 'vitest';
import { expectedValueOf, enumerateInputs } from '../../src/model/inputs';
import { presetPlan } from '../../src/model/presets';
import { projectPlan } from '../../src/model/projection';
import type { Plan } from '../../src/model/schema';
import { Aggregator } from '../../src/montecarlo/aggregate';
import { BAND_METRICS, simulateChunk, TrialRunner, type BandSink, type ChunkResult } from '../../src/montecarlo/chunk';
import { BandBuffer } from '../../src/montecarlo/bands';
import { compilePlan } from '../../src/montecarlo/compile';
import { QuantileSketch } from '../../src/montecarlo/quantileSketch';
import { planGuidedChunks, runMonteCarlo } from '../../src/montecarlo/run';
import { quantileSorted } from '../../src/montecarlo/statistics';
import cref from '../fixtures/cref-bench-100000.json';

const MONTHS = 60;

/** A sink that keeps every value, to compare the sketches with exact quantiles. */
class Recorder implements BandSink {
  readonly values: number[] = [];
  addMany(values: ArrayLike<number>, start: number, end: number): void {
    for (let i = start; i < end; i++) this.values.push(values[i]);
  }
}

/**
 * Runs `trials` trials in one chunk, twice from the same seed: once into the aggregator's
 * sketches, once into recorders that keep the raw monthly values (identical trials).
 */
function simulate(plan: Plan, trials: number, seed: number, commonRandomNumbers = true) {
  const compiled = compilePlan(plan);
  const aggregator = new Aggregator(compiled, trials, seed);
  const sketches = new BandBuffer(aggregator.bands.sketches);
  const chunk = simulateChunk(new TrialRunner(compiled, seed, { commonRandomNumbers }), 0, trials, sketches);
  sketches.flush();
  aggregator.add(chunk);
  const recorders = Array.from({ length: compiled.scenarioCount * BAND_METRICS.length * MONTHS }, () => new Recorder());
  const raw = new BandBuffer(recorders);
  simulateChunk(new TrialRunner(compiled, seed, { commonRandomNumbers }), 0, trials, raw);
  raw.flush();
  return { chunk, recorders, result: aggregator.complete({ sensitivity: false }) };
}

/** Values of one (scenario, metric, month) band across the trials, ascending. */
function bandValues(recorders: Recorder[], scenario: number, metric: number, month: number): Float64Array {
  return Float64Array.from(recorders[(scenario * BAND_METRICS.length + metric) * MONTHS + month].values).sort();
}

function variance(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i] / values.length;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - mean) ** 2;
  return sum / (values.length - 1);
}

describe('agreement with the C yardstick (shared/bench/cref.c, 100,000 trials)', () => {
  const trials = 10_000;
  const { recorders, result } = simulate(presetPlan('bench'), trials, 42);
  const [baseline, programme] = result.scenarios;

  it('mean NPV of the baseline and mean incremental NPV within Monte Carlo error', () => {
    // Two independent estimates: the standard error of their difference is
    // sd·sqrt(1/10,000 + 1/100,000); 4 standard errors fail by chance with p ≈ 6e-5.
    const tolerance = (sd: number) => 4 * sd * Math.sqrt(1 / trials + 1 / cref.trials);
    expect(Math.abs(baseline.npv.mean - cref.npvBaselineMean)).toBeLessThan(tolerance(baseline.npv.sd));
    const incremental = programme.incrementalNpv!;
    expect(Math.abs(incremental.mean - cref.incrementalNpvMean)).toBeLessThan(tolerance(incremental.sd));
  });

  it.each([
    ['baseline', 0],
    ['programme', 1],
  ] as const)('P5, P50, P95 of month-60 cumulative profit of the %s', (name, scenario) => {
    // Distribution-free: C's p-quantile must lie between our quantiles at p ± δ, where
    // δ = 4·sqrt(p(1−p)/n) bounds the sampling error of the empirical CDF at n = 10,000
    // (C's own error, ten times smaller in variance, is covered by the same margin).
    const sorted = bandValues(recorders, scenario, 2, MONTHS - 1);
    cref.cumProfitM60[name].forEach((value, i) => {
      const p = [0.05, 0.5, 0.95][i];
      const delta = 4 * Math.sqrt((p * (1 - p)) / trials);
      expect(value).toBeGreaterThanOrEqual(quantileSorted(sorted, p - delta));
      expect(value).toBeLessThanOrEqual(quantileSorted(sorted, p + delta));
    });
  });
});

describe('Monte Carlo without uncertainty', () => {
  /** A plan with every input fixed at its expected value and a large customer base. */
  function certainLargePlan(): Plan {
    const plan = presetPlan('subscription-shop');
    const fixed = Object.fromEntries(
      enumerateInputs(plan)
        .filter((ref) => ref.path.startsWith('params.'))
        .map((ref) => [ref.path.slice('params.'.length), expectedValueOf(ref)]),
    );
    const programmes = plan.programmes.map((p) => ({
      ...p,
      effects: Object.fromEntries(
        Object.entries(p.effects).map(([key, value]) => [key, typeof value === 'number' ? value : -0.175]),
      ) as typeof p.effects,
    }));
    return {
      ...plan,
      programmes,
      params: {
        ...(fixed as Plan['params']),
        satisfiedStart: 400_000,
        loyalStart: 100_000,
        marketSize: 30_000_000,
        paidAcquisitions: 40_000,
      },
    };
  }

  it('has a median close to the deterministic projection, month by month', () => {
    const plan = certainLargePlan();
    const projection = projectPlan(plan);
    const { result } = simulate(plan, 200, 5);
    // Hundreds of thousands of customers: binomial noise is about 1/sqrt(n) ≈ 0.2% of a flow,
    // and the median of 200 trials is within a fraction of that; 1% leaves room for the small
    // nonlinearity of saturation (E[f(X)] vs f(E[X])).
    result.scenarios.forEach((scenario, s) => {
      const rows = projection.scenarios[s].monthly;
      rows.forEach((row, month) => {
        expect(scenario.bands.customers.p50[month]).toBeCloseTo(row.active, -Math.log10(row.active * 0.01));
        const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
        expect(relative(scenario.bands.revenue.p50[month], row.revenue)).toBeLessThan(0.01);
        expect(relative(scenario.bands.cumulativeProfit.p50[month], row.cumulativeProfit)).toBeLessThan(0.01);
      });
    });
  });
});

describe('common random numbers', () => {
  it('make the difference between scenarios much less noisy than independent streams', () => {
    const plan = presetPlan('bench');
    const difference = (chunk: ChunkResult) =>
      Float64Array.from({ length: chunk.count }, (_, i) => chunk.npv[chunk.count + i] - chunk.npv[i]);
    const shared = difference(simulate(plan, 2000, 11).chunk);
    const independent = difference(simulate(plan, 2000, 11, false).chunk);
    // With 2,000 trials each variance is estimated within ±7% (sd of s²/σ² ≈ sqrt(2/n) for a
    // near-normal outcome); a ratio below 1/10 cannot come from noise.
    expect(variance(shared) / variance(independent)).toBeLessThan(0.1);
  });
});

describe('the quantile sketch behind the bands', () => {
  it('stays within its stated error of the exact quantiles', () => {
    const { recorders, result } = simulate(presetPlan('seed-example'), 3000, 9);
    const metrics = ['customers', 'revenue', 'cumulativeProfit'] as const;
    result.scenarios.forEach((scenario, s) => {
      metrics.forEach((metric, m) => {
        for (const month of [0, 11, 35, 59]) {
          const sorted = bandValues(recorders, s, m, month);
          (['p5', 'p25', 'p50', 'p75', 'p95'] as const).forEach((key, i) => {
            const exact = quantileSorted(sorted, [0.05, 0.25, 0.5, 0.75, 0.95][i]);
            const bound = QuantileSketch.errorBound(Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1])));
            expect(Math.abs(scenario.bands[metric][key][month] - exact)).toBeLessThanOrEqual(bound);
          });
        }
      });
    });
  });
});

describe('reproducibility', () => {
  it('gives identical bytes for any chunk size, and other results for another seed', () => {
    const plan = presetPlan('points-retailer');
    const reference = JSON.stringify(runMonteCarlo(plan, 400, 3, { chunkSize: 400 }));
    for (const chunkSize of [1, 33, 128]) {
      expect(JSON.stringify(runMonteCarlo(plan, 400, 3, { chunkSize }))).toBe(reference);
    }
    expect(JSON.stringify(runMonteCarlo(plan, 400, 4))).not.toBe(reference);
  });

  it('gives identical bytes with a buffer flushed at other points', () => {
    const plan = presetPlan('points-retailer');
    const compiled = compilePlan(plan);
    const run = (capacity: number, chunkSize: number) => {
      const aggregator = new Aggregator(compiled, 900, 5);
      const buffer = new BandBuffer(aggregator.bands.sketches, capacity);
      const runner = new TrialRunner(compiled, 5);
      for (let start = 0; start < 900; start += chunkSize) aggregator.add(simulateChunk(runner, start, Math.min(chunkSize, 900 - start), buffer));
      buffer.flush();
      return JSON.stringify(aggregator.complete({ sensitivity: false }));
    };
    const reference = run(1000, 900);
    expect(run(100, 900)).toBe(reference);
    expect(run(64, 300)).toBe(reference);
  });

  it('lists a sensitivity row for every uncertain input that can move a scenario', () => {
    const plan = presetPlan('seed-example');
    const result = runMonteCarlo(plan, 500, 1);
    const card = result.sensitivity.filter((row) => row.scenario === 'card').map((row) => row.input);
    expect(card).toContain('params.loyalChurn');
    expect(card).toContain('programmes.loyalty-card.effects.conversion');
    // The card scenario does not run the club programme: its inputs cannot move it.
    expect(card.some((input) => input.startsWith('programmes.members-club'))).toBe(false);
    for (const row of result.sensitivity) {
      expect(Math.abs(row.correlation)).toBeLessThanOrEqual(1);
      expect(Number.isFinite(row.low) && Number.isFinite(row.high)).toBe(true);
    }
  });
});

describe('chunk plans', () => {
  it.each([
    [10_000, 2500, 2, 50],
    [10_000, 5000, 2, 250],
    [777, 2500, 3, 50],
    [1, 2500, 4, 250],
  ])('%i trials, chunks ≤ %i for %i workers, at least %i: every trial once, in order, shrinking', (trials, chunkSize, workers, minChunk) => {
    const chunks = planGuidedChunks(trials, chunkSize, workers, minChunk);
    let next = 0;
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.start).toBe(next);
      expect(chunk.count).toBeGreaterThan(0);
      expect(chunk.count).toBeLessThanOrEqual(chunkSize);
      if (i > 0) expect(chunk.count).toBeLessThanOrEqual(chunks[i - 1].count);
      // Only the very last chunk may be smaller than the minimum (what was left).
      if (i < chunks.length - 1) expect(chunk.count).toBeGreaterThanOrEqual(minChunk);
      next += chunk.count;
    }
    expect(next).toBe(trials);
  });
});
