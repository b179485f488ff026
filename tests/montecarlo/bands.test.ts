/**
 * BandBuffer: every value reaches its sink, in order, whatever the batches and flush points.
 * Sharded finishing: workers that each merge the others' sketches of their rows give the bands
 * of one set holding every value.
 */
import { describe, expect, it } from 'vitest';
import { BandBuffer, BandQuantiles, BandSketches, shardRows } from '../../src/montecarlo/bands';
import { BAND_METRICS, type BandSink } from '../../src/montecarlo/chunk';
import { Rng } from '../../src/montecarlo/rng';

class Recorder implements BandSink {
  readonly values: number[] = [];
  calls = 0;
  addMany(values: ArrayLike<number>, start: number, end: number): void {
    this.calls++;
    for (let i = start; i < end; i++) this.values.push(values[i]);
  }
}

/** Writes trial t's value for sink s as 1000·s + t, in batches of `batch` trials. */
function fill(buffer: BandBuffer, trials: number, batch: number): void {
  for (let done = 0; done < trials; ) {
    const count = Math.min(trials - done, batch, buffer.room);
    const at = buffer.reserve(count);
    for (let k = 0; k < count; k++) {
      for (let s = 0; s < buffer.sinks.length; s++) buffer.values[s * buffer.capacity + at + k] = 1000 * s + done + k;
    }
    done += count;
  }
  buffer.flush();
}

describe('BandBuffer', () => {
  it.each([1, 7, 64, 500])('hands every value to its sink in order (batches of %i)', (batch) => {
    const sinks = [new Recorder(), new Recorder(), new Recorder()];
    fill(new BandBuffer(sinks, 100), 777, batch);
    sinks.forEach((sink, s) => expect(sink.values).toEqual(Array.from({ length: 777 }, (_, t) => 1000 * s + t)));
  });

  it('flushes early once (insertion gets optimised on a small batch), then when full', () => {
    const sink = new Recorder();
    const buffer = new BandBuffer([sink], 1000);
    expect(buffer.limit).toBeLessThan(1000);
    fill(buffer, 3000, 1000);
    expect(buffer.limit).toBe(1000);
    // 50 trials, then 1000, 1000 and the last 950 at the end.
    expect(sink.calls).toBe(4);
    expect(sink.values).toHaveLength(3000);
  });

  it('refuses a batch larger than it holds', () => {
    expect(() => new BandBuffer([new Recorder()], 10).reserve(11)).toThrow(RangeError);
  });
});

describe('shardRows', () => {
  it.each([1, 2, 3, 7])('splits the rows into %i consecutive ranges covering each once', (shards) => {
    const ranges = Array.from({ length: shards }, (_, i) => shardRows(360, shards, i));
    expect(ranges[0][0]).toBe(0);
    expect(ranges[shards - 1][1]).toBe(360);
    for (let i = 1; i < shards; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1]);
    for (const [from, to] of ranges) expect(to - from).toBeGreaterThanOrEqual(Math.floor(360 / shards));
  });
});

describe('sharded band quantiles', () => {
  const scenarios = 2;
  const horizon = 5;
  /** Worker w's sketches of trials w, w + workers, …: values that differ by row and by trial. */
  function workerSets(workers: number, trials: number): BandSketches[] {
    const rng = new Rng(7, 0);
    const values = Array.from({ length: trials }, () => rng.nextDouble());
    return Array.from({ length: workers }, (_, w) => {
      const set = new BandSketches(scenarios, horizon);
      set.sketches.forEach((sketch, row) => {
        for (let t = w; t < trials; t += workers) sketch.add((row + 1) * 1000 * values[t] - row * 10);
      });
      return set;
    });
  }

  it.each([1, 2, 3])('gives on %i workers the bands of one set holding every value', (workers) => {
    const [whole] = workerSets(1, 999);
    const sets = workerSets(workers, 999);
    const rows = whole.sketches.length;
    // As the pool does it: each worker packs the rows of the others' shards, then merges the
    // packs of its own shard and computes their quantiles.
    const exported = sets.map((set, own) =>
      Array.from({ length: workers }, (_, shard) => (shard === own ? null : set.pack(...shardRows(rows, workers, shard)))),
    );
    const shards = sets.map((set, shard) => {
      const [from, to] = shardRows(rows, workers, shard);
      for (const packed of exported.flatMap((packs) => packs[shard] ?? [])) set.mergePacked(packed, from);
      return set.quantileRows(from, to);
    });
    const sharded = BandQuantiles.fromShards(horizon, shards);
    for (let s = 0; s < scenarios; s++) {
      for (const metric of BAND_METRICS) expect(sharded.band(s, metric)).toStrictEqual(whole.band(s, metric));
    }
    expect(whole.band(1, 'revenue').p50[2]).toBeGreaterThan(whole.band(0, 'customers').p50[0]);
  });
});
