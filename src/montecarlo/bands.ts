/**
 * Per-month bands of every scenario and metric: one quantile sketch per (scenario, metric,
 * month). A worker keeps one set for all its chunks and sends a copy when asked; the sets of
 * all workers merge exactly (integer counts), so the bands do not depend on which worker ran
 * which trials.
 */
import { BAND_METRICS, type BandMetric, type BandSink } from './chunk';
import { QuantileSketch, warmUpSketches } from './quantileSketch';
import { QUANTILE_PROBABILITIES } from './statistics';

export interface Band {
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/** What gives a run's bands: its sketches, or their quantiles computed on other threads. */
export interface BandSource {
  band(scenario: number, metric: BandMetric): Band;
}

/** Quantiles per row (sketch) of a band set: P5, P25, P50, P75, P95. */
const QUANTILES_PER_ROW = QUANTILE_PROBABILITIES.length;

/**
 * One sketch per row: row (scenario · metrics + metric) · horizon + month, so that a band's
 * months are consecutive rows.
 */
export class BandSketches implements BandSource {
  readonly sketches: QuantileSketch[];

  constructor(
    readonly scenarioCount: number,
    readonly horizon: number,
  ) {
    this.sketches = Array.from({ length: scenarioCount * BAND_METRICS.length * horizon }, () => new QuantileSketch());
  }

  /**
   * A copy of rows from..to − 1 (all by default) in two flat arrays, cheap to send to another
   * thread (transfer `packedBuffers`): hundreds of small arrays cost far more to post than two
   * large ones.
   */
  pack(from = 0, to = this.sketches.length): PackedBands {
    const data = this.sketches.slice(from, to).map((sketch) => sketch.view());
    const meta = new Float64Array(data.length * META_FIELDS);
    const counts = new Int32Array(data.reduce((sum, d) => sum + d.counts.length, 0));
    let offset = 0;
    data.forEach((d, i) => {
      meta.set([d.mantissaBits, d.lowKey, d.counts.length, d.count, d.min, d.max], i * META_FIELDS);
      counts.set(d.counts, offset);
      offset += d.counts.length;
    });
    return { meta, counts };
  }

  /** Merges a packed copy sent by a worker (see pack): its rows go to rows from, from + 1, … */
  mergePacked({ meta, counts }: PackedBands, from = 0): void {
    let offset = 0;
    for (let i = 0; i < meta.length / META_FIELDS; i++) {
      const at = i * META_FIELDS;
      const length = meta[at + 2];
      this.sketches[from + i].mergeData({
        mantissaBits: meta[at],
        lowKey: meta[at + 1],
        counts: counts.subarray(offset, offset + length),
        count: meta[at + 3],
        min: meta[at + 4],
        max: meta[at + 5],
      });
      offset += length;
    }
  }

  /** The quantiles of rows from..to − 1, QUANTILES_PER_ROW per row. */
  quantileRows(from: number, to: number): Float64Array {
    const values = new Float64Array((to - from) * QUANTILES_PER_ROW);
    for (let row = from; row < to; row++) {
      values.set(this.sketches[row].quantiles(QUANTILE_PROBABILITIES), (row - from) * QUANTILES_PER_ROW);
    }
    return values;
  }

  band(scenario: number, metric: BandMetric): Band {
    const from = bandRow(scenario, metric, this.horizon);
    return bandOf(this.quantileRows(from, from + this.horizon), 0, this.horizon);
  }
}

/** Bands from the quantiles of every row (see BandSketches.quantileRows), computed elsewhere. */
export class BandQuantiles implements BandSource {
  constructor(
    readonly horizon: number,
    private readonly values: Float64Array,
  ) {}

  /** From the quantiles of each shard of rows (see shardRows), in shard order. */
  static fromShards(horizon: number, shards: readonly Float64Array[]): BandQuantiles {
    const values = new Float64Array(shards.reduce((sum, shard) => sum + shard.length, 0));
    let at = 0;
    for (const shard of shards) {
      values.set(shard, at);
      at += shard.length;
    }
    return new BandQuantiles(horizon, values);
  }

  band(scenario: number, metric: BandMetric): Band {
    return bandOf(this.values, bandRow(scenario, metric, this.horizon), this.horizon);
  }
}

/** The row of a band's first month. */
function bandRow(scenario: number, metric: BandMetric, horizon: number): number {
  return (scenario * BAND_METRICS.length + BAND_METRICS.indexOf(metric)) * horizon;
}

/** The band of rows from..from + horizon − 1 of quantile values laid out as quantileRows makes them. */
function bandOf(values: Float64Array, from: number, horizon: number): Band {
  const band: Band = { p5: [], p25: [], p50: [], p75: [], p95: [] };
  for (let month = 0; month < horizon; month++) {
    const at = (from + month) * QUANTILES_PER_ROW;
    band.p5.push(values[at]);
    band.p25.push(values[at + 1]);
    band.p50.push(values[at + 2]);
    band.p75.push(values[at + 3]);
    band.p95.push(values[at + 4]);
  }
  return band;
}

/**
 * Rows [from, to) that worker `shard` of `shards` finishes at the end of a run: it merges the
 * other workers' sketches of those rows into its own and computes their quantiles, all workers
 * at once.
 */
export function shardRows(rows: number, shards: number, shard: number): [from: number, to: number] {
  return [Math.floor((shard * rows) / shards), Math.floor(((shard + 1) * rows) / shards)];
}

/** Every sketch of a set: its SketchData fields in `meta`, its counts one after another. */
export interface PackedBands {
  meta: Float64Array;
  counts: Int32Array;
}

/** Fields per sketch in PackedBands.meta: mantissaBits, lowKey, counts length, count, min, max. */
const META_FIELDS = 6;

export function packedBuffers(packed: PackedBands): ArrayBuffer[] {
  return [packed.meta.buffer as ArrayBuffer, packed.counts.buffer as ArrayBuffer];
}

/** Trials whose band values a buffer holds before it folds them into the sketches (1,000 × 360 floats: 1.4 MB). */
const DEFAULT_CAPACITY = 1000;
/**
 * Trials before the first flush. The first flush runs the sketches' insertion unoptimised: with
 * a full buffer (360,000 values in the bench) it took 17-24 ms where later ones take 5. A first
 * flush of this many trials (about 7 ms, the sketches' first windows included) gets insertion
 * optimised on values that count, and the next flush is full size and fast.
 */
const FIRST_FLUSH_TRIALS = 50;

/**
 * Band values of recent trials, [sink][trial], folded into the sinks a few thousand trials at a
 * time: one sketch then takes thousands of values in a row while its counts are in cache, which
 * measured much faster than folding each small chunk separately.
 */
export class BandBuffer {
  readonly values: Float32Array;
  /** Trials held. */
  fill = 0;
  /** Trials after which the buffer flushes: FIRST_FLUSH_TRIALS until it first has, then `capacity`. */
  limit: number;

  constructor(
    readonly sinks: readonly BandSink[],
    readonly capacity = DEFAULT_CAPACITY,
  ) {
    warmUpSketches();
    this.values = new Float32Array(sinks.length * capacity);
    this.limit = Math.min(capacity, FIRST_FLUSH_TRIALS);
  }

  /** Trials the next batch should hold: up to the flush threshold, or a whole buffer at it. */
  get room(): number {
    return this.fill < this.limit ? this.limit - this.fill : this.capacity;
  }

  /** Makes room for `count` ≤ capacity trials and returns the first one's position (trial index in the buffer). */
  reserve(count: number): number {
    if (count > this.capacity) throw new RangeError(`a batch of ${count} trials exceeds the buffer's ${this.capacity}`);
    if (this.fill + count > this.limit) this.flush();
    const at = this.fill;
    this.fill += count;
    return at;
  }

  /** Folds every held value into the sinks. */
  flush(): void {
    const { capacity, fill, values } = this;
    for (let i = 0; i < this.sinks.length; i++) this.sinks[i].addMany(values, i * capacity, i * capacity + fill);
    this.fill = 0;
    this.limit = capacity;
  }
}
