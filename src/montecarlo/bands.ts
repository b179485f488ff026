/**
 * Per-month bands of every scenario and metric: one quantile sketch per (scenario, metric,
 * month). A worker keeps one set for all its chunks and sends a copy when asked; the sets of
 * all workers merge exactly (integer counts), so the bands do not depend on which worker ran
 * which trials.
 */
import { BAND_METRICS, type BandMetric, type BandSink } from './chunk';
import { QuantileSketch, type SketchData } from './quantileSketch';
import { QUANTILE_PROBABILITIES } from './statistics';

export interface Band {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

export class BandSketches {
  readonly sketches: QuantileSketch[];

  constructor(
    readonly scenarioCount: number,
    readonly horizon: number,
    sketches?: QuantileSketch[],
  ) {
    this.sketches =
      sketches ?? Array.from({ length: scenarioCount * BAND_METRICS.length * horizon }, () => new QuantileSketch());
  }

  merge(other: BandSketches): void {
    for (let i = 0; i < this.sketches.length; i++) this.sketches[i].merge(other.sketches[i]);
  }

  /** Merges a copy sent by a worker (see toData). */
  mergeData(data: SketchData[]): void {
    for (let i = 0; i < this.sketches.length; i++) this.sketches[i].mergeData(data[i]);
  }

  /** A copy that can cross to another thread (transfer `buffers()` of it). */
  toData(): SketchData[] {
    return this.sketches.map((sketch) => sketch.toJSON());
  }

  static fromData(data: SketchData[], scenarioCount: number, horizon: number): BandSketches {
    return new BandSketches(scenarioCount, horizon, data.map((d) => QuantileSketch.fromJSON(d)));
  }

  band(scenario: number, metric: BandMetric): Band {
    const m = BAND_METRICS.indexOf(metric);
    const band: Band = { p5: [], p25: [], p50: [], p75: [], p95: [] };
    for (let month = 0; month < this.horizon; month++) {
      const sketch = this.sketches[(scenario * BAND_METRICS.length + m) * this.horizon + month];
      const [p5, p25, p50, p75, p95] = sketch.quantiles(QUANTILE_PROBABILITIES);
      band.p5.push(p5);
      band.p25.push(p25);
      band.p50.push(p50);
      band.p75.push(p75);
      band.p95.push(p95);
    }
    return band;
  }
}

/** The buffers of sketch data, for a transfer list. */
export function sketchBuffers(data: SketchData[]): ArrayBuffer[] {
  return data.map((d) => d.counts.buffer as ArrayBuffer);
}

/** Trials whose band values a buffer holds before it folds them into the sketches. */
const DEFAULT_CAPACITY = 2500;

/**
 * Band values of recent trials, [sink][trial], folded into the sinks a few thousand trials at a
 * time: one sketch then takes thousands of values in a row while its counts are in cache, which
 * measured much faster than folding each small chunk separately.
 */
export class BandBuffer {
  readonly values: Float32Array;
  /** Trials held. */
  fill = 0;

  constructor(
    readonly sinks: readonly BandSink[],
    readonly capacity = DEFAULT_CAPACITY,
  ) {
    this.values = new Float32Array(sinks.length * capacity);
  }

  /** Makes room for `count` ≤ capacity trials and returns the first one's position (trial index in the buffer). */
  reserve(count: number): number {
    if (count > this.capacity) throw new RangeError(`a batch of ${count} trials exceeds the buffer's ${this.capacity}`);
    if (this.fill + count > this.capacity) this.flush();
    const at = this.fill;
    this.fill += count;
    return at;
  }

  /** Folds every held value into the sinks. */
  flush(): void {
    const { capacity, fill, values } = this;
    for (let i = 0; i < this.sinks.length; i++) this.sinks[i].addMany(values, i * capacity, i * capacity + fill);
    this.fill = 0;
  }
}
