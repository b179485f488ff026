import { describe, expect, it } from 'vitest';
import { QuantileSketch } from '../../src/montecarlo/quantileSketch';
import type { SketchData } from '../../src/montecarlo/quantileSketch';

/** mulberry32: a tiny seeded generator, so every dataset is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(seed: number, n: number, mean: number, sd: number): number[] {
  const uniform = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - uniform(); // (0, 1]: log(u) is finite
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  });
}

function uniforms(seed: number, n: number, low: number, high: number): number[] {
  const uniform = mulberry32(seed);
  return Array.from({ length: n }, () => low + (high - low) * uniform());
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const uniform = mulberry32(seed);
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function sketchOf(values: readonly number[], mantissaBits?: number): QuantileSketch {
  const sketch = new QuantileSketch(mantissaBits);
  for (const value of values) sketch.add(value);
  return sketch;
}

/** The order statistics and the exact type-7 quantile (numpy's "linear"), same formula as the sketch. */
function exactQuantile(sorted: Float64Array, p: number): { value: number; magnitude: number } {
  const h = (sorted.length - 1) * p;
  const lowerRank = Math.floor(h);
  const fraction = h - lowerRank;
  const lower = sorted[lowerRank];
  if (fraction === 0) return { value: lower, magnitude: Math.abs(lower) };
  const upper = sorted[lowerRank + 1];
  return { value: lower + fraction * (upper - lower), magnitude: Math.max(Math.abs(lower), Math.abs(upper)) };
}

/** SketchData with plain arrays, so toStrictEqual compares every count (and tells -0 from 0). */
function plain(data: SketchData) {
  return { ...data, counts: Array.from(data.counts) };
}

function expectIdenticalNumbers(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  const differences = actual.flatMap((value, i) => (Object.is(value, expected[i]) ? [] : [{ i, value, expected: expected[i] }]));
  expect(differences).toEqual([]);
}

const REQUIRED_PS = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];
const GRID_PS = Array.from({ length: 201 }, (_, i) => i / 200);
const BAND_PS = [0.05, 0.25, 0.5, 0.75, 0.95];

const DATASETS: [string, number[]][] = [
  ['uniform revenue 5e6..2e7', uniforms(1, 20_000, 5e6, 2e7)],
  ['lognormal-ish', normals(2, 20_000, 14, 0.8).map(Math.exp)],
  ['normal crossing zero (cumulative profit)', normals(3, 20_000, 5e4, 2e5)],
  ['customer counts 0..50000 (integers)', uniforms(4, 50_000, 0, 50_001).map(Math.floor)],
  ['customer counts with many ties', normals(5, 20_000, 1_000, 30).map(Math.round)],
  ['small integers 0..20 (buckets narrower than 1)', uniforms(6, 5_000, 0, 21).map(Math.floor)],
  ['all equal', new Array<number>(1_000).fill(1234.5)],
  ['two points', [1e6, 3]],
  ['single value', [-42.5]],
  ['spanning 1e-3..1e9', uniforms(7, 20_000, -3, 9).map((e) => 10 ** e)],
  ['negative only', normals(8, 10_000, 15, 1).map((z) => -Math.exp(z))],
  ['half zeros', [...new Array<number>(3_000).fill(0), ...normals(9, 3_000, 0, 1e4)]],
  ['tiny values around zero', uniforms(10, 5_000, -1e-6, 1e-6)],
];

/*
 * The bound checked below, from the bucket width: a bucket holds the values v with 1 + |v| in
 * [2^e (1 + j 2^-M), 2^e (1 + (j + 1) 2^-M)), i.e. 2^(e−M) wide with 2^e ≤ 1 + |v|. Its midpoint,
 * clamped to [min, max], is within half of that of every value in it, so each order statistic
 * X(r) is estimated within (1 + |X(r)|) 2^-(M+1) (X(0) = min and X(n−1) = max are exact). The
 * type-7 interpolation (1 − f) X(lo) + f X(hi) then errs by at most the larger of the two, and
 * floating-point rounding adds less than (1 + |x|) 2^-49:
 *   |sketch − exact| ≤ errorBound(x) = (1 + |x|) (2^-(M+1) + 2^-48), x = max(|X(lo)|, |X(hi)|).
 */
describe('QuantileSketch error bound: |sketch − exact type 7| ≤ errorBound(largest order statistic used)', () => {
  it.each(DATASETS)('%s', (_, values) => {
    const sketch = sketchOf(values);
    const sorted = Float64Array.from(values).sort();
    const ps = [...REQUIRED_PS, ...GRID_PS];
    const estimates = sketch.quantiles(ps);
    const violations = ps.flatMap((p, i) => {
      const exact = exactQuantile(sorted, p);
      const error = Math.abs(estimates[i] - exact.value);
      return error <= QuantileSketch.errorBound(exact.magnitude) ? [] : [{ p, estimate: estimates[i], exact: exact.value }];
    });
    expect(violations).toEqual([]);
    expect(Object.is(sketch.quantile(0), sorted[0])).toBe(true);
    expect(Object.is(sketch.quantile(1), sorted[sorted.length - 1])).toBe(true);
    expect(sketch.count).toBe(values.length);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted[sorted.length - 1]);
  });

  it.each([6, 8, 12, 16])('holds for mantissaBits = %i', (mantissaBits) => {
    const values = normals(11, 10_000, 2e5, 3e5);
    const sketch = sketchOf(values, mantissaBits);
    const sorted = Float64Array.from(values).sort();
    const estimates = sketch.quantiles(GRID_PS);
    GRID_PS.forEach((p, i) => {
      const exact = exactQuantile(sorted, p);
      expect(Math.abs(estimates[i] - exact.value)).toBeLessThanOrEqual(QuantileSketch.errorBound(exact.magnitude, mantissaBits));
    });
  });

  it('an order statistic estimate stays in the bucket of the true value (integers)', () => {
    const values = uniforms(12, 1_001, 0, 30).map(Math.floor);
    const sketch = sketchOf(values);
    const sorted = Float64Array.from(values).sort();
    // p = r / 1000 gives h = r exactly for these r: no interpolation, one order statistic.
    for (const rank of [1, 100, 250, 500, 999]) {
      const estimate = sketch.quantile(rank / 1000);
      expect(sketchOf([estimate]).toJSON().lowKey).toBe(sketchOf([sorted[rank]]).toJSON().lowKey);
    }
  });

  it.each([
    // [x, mantissaBits, (1 + |x|) (2^-(M+1) + 2^-48)]
    [0, 10, 2 ** -11 + 2 ** -48],
    [1e7, 10, (1e7 + 1) * (2 ** -11 + 2 ** -48)], // ≈ 4,882.8: the Loyalty Lab bench's profit
    [-1e7, 10, (1e7 + 1) * (2 ** -11 + 2 ** -48)],
    [3, 6, 4 * (2 ** -7 + 2 ** -48)],
    [1023, 16, 1024 * (2 ** -17 + 2 ** -48)],
  ])('errorBound(%f, %i) = %f', (x, mantissaBits, bound) => {
    expect(QuantileSketch.errorBound(x, mantissaBits)).toBe(bound);
  });

  it('errorBound at the default precision is 0.049% of a cumulative profit of 1e7', () => {
    expect(QuantileSketch.errorBound(1e7)).toBeCloseTo(4882.81, 2);
  });
});

describe('QuantileSketch determinism: same multiset, same bytes', () => {
  const values = [...normals(20, 3_000, 5e4, 2e5), ...uniforms(21, 2_000, 0, 5_001).map(Math.floor), 0, -0, 0];
  const reference = sketchOf(values);
  const referenceData = plain(reference.toJSON());
  const referenceBands = reference.quantiles(GRID_PS);

  function expectSameAsReference(sketch: QuantileSketch): void {
    expect(plain(sketch.toJSON())).toStrictEqual(referenceData);
    expectIdenticalNumbers(sketch.quantiles(GRID_PS), referenceBands);
  }

  it.each([
    ['sorted', Float64Array.from(values).sort()],
    ['reversed', Float64Array.from(values).sort().reverse()],
    ['shuffled (seed 1)', shuffled(values, 1)],
    ['shuffled (seed 2)', shuffled(values, 2)],
  ])('insertion order: %s', (_, ordered) => {
    expectSameAsReference(sketchOf(Array.from(ordered)));
  });

  it.each([1, 2, 3, 7])('merging %i contiguous parts of a shuffle, in every fold order', (parts) => {
    const order = shuffled(values, 3 + parts);
    const size = Math.ceil(order.length / parts);
    const partSketches = () => Array.from({ length: parts }, (_, k) => sketchOf(order.slice(k * size, (k + 1) * size)));

    const leftFold = new QuantileSketch();
    for (const part of partSketches()) leftFold.merge(part);
    expectSameAsReference(leftFold);

    const rightFold = new QuantileSketch();
    for (const part of partSketches().reverse()) rightFold.merge(part);
    expectSameAsReference(rightFold);

    // Pairwise tree, each part sent through JSON and structuredClone as from a worker.
    let level = partSketches().map((part) => QuantileSketch.fromJSON(structuredClone(part.toJSON())));
    while (level.length > 1) {
      const next: QuantileSketch[] = [];
      for (let k = 0; k < level.length; k += 2) {
        if (k + 1 < level.length) level[k].merge(level[k + 1]);
        next.push(level[k]);
      }
      level = next;
    }
    expectSameAsReference(level[0]);
  });

  it('merging round-robin parts (chunks interleaved across 3 workers)', () => {
    const workers = [new QuantileSketch(), new QuantileSketch(), new QuantileSketch()];
    values.forEach((value, i) => workers[Math.floor(i / 97) % 3].add(value));
    const merged = new QuantileSketch();
    for (const worker of [workers[2], workers[0], workers[1]]) merged.merge(worker);
    expectSameAsReference(merged);
  });

  it('merge is commutative', () => {
    const a = () => sketchOf(values.slice(0, 1_234));
    const b = () => sketchOf(values.slice(1_234));
    const ab = a();
    ab.merge(b());
    const ba = b();
    ba.merge(a());
    expect(plain(ab.toJSON())).toStrictEqual(plain(ba.toJSON()));
    expectSameAsReference(ab);
  });

  it('-0 and 0 are the same value: min and max do not depend on which came first', () => {
    const negativeFirst = sketchOf([-0, 0, 5]);
    const positiveFirst = sketchOf([0, -0, 5]);
    expect(Object.is(negativeFirst.min, 0)).toBe(true);
    expect(plain(negativeFirst.toJSON())).toStrictEqual(plain(positiveFirst.toJSON()));
  });

  it('quantiles(ps) equals quantile(p) one by one, whatever the order of ps', () => {
    const ps = shuffled([...REQUIRED_PS, 0.5, 0.333, 0.999], 5);
    expectIdenticalNumbers(reference.quantiles(ps), ps.map((p) => reference.quantile(p)));
  });
});

describe('QuantileSketch.addMany', () => {
  it('adds values[start], values[start + stride], … below end', () => {
    // Three interleaved metrics per trial, as a chunk buffer holds them.
    const buffer = Float64Array.from(normals(30, 3_000, 1e5, 1e5));
    const viaAddMany = new QuantileSketch();
    viaAddMany.addMany(buffer, 1, buffer.length, 3);
    const viaAdd = new QuantileSketch();
    for (let i = 1; i < buffer.length; i += 3) viaAdd.add(buffer[i]);
    expect(viaAddMany.count).toBe(1_000);
    expect(plain(viaAddMany.toJSON())).toStrictEqual(plain(viaAdd.toJSON()));
  });

  it('sizes the window for a whole batch at once, with room for the next', () => {
    const batch = Float32Array.from(normals(31, 1_000, 1e6, 1e5));
    const sketch = new QuantileSketch();
    sketch.addMany(batch.subarray(0, 50));
    const first = sketch.countsBytes;
    // Room beyond the first 50 values: the other 950, of the same distribution, fit.
    expect(first).toBeGreaterThan(sketch.toJSON().counts.byteLength);
    sketch.addMany(batch.subarray(50));
    expect(sketch.countsBytes).toBe(first);
    const wider = batch.map((v) => v * 4);
    sketch.addMany(wider);
    const grown = sketch.countsBytes;
    expect(grown).toBeGreaterThan(first);
    sketch.addMany(wider);
    expect(sketch.countsBytes).toBe(grown);
    // Room, not waste: the window stays within twice the occupied buckets.
    expect(grown).toBeLessThanOrEqual(2 * sketch.toJSON().counts.byteLength + 4 * 128);
    const viaAdd = sketchOf([...batch, ...wider, ...wider]);
    expect(plain(sketch.toJSON())).toStrictEqual(plain(viaAdd.toJSON()));
  });

  it('defaults to the whole array', () => {
    const values = [3, 1, 2];
    const sketch = new QuantileSketch();
    sketch.addMany(values);
    expect(plain(sketch.toJSON())).toStrictEqual(plain(sketchOf(values).toJSON()));
  });

  it.each([
    [-1, 3, 1],
    [0, 4, 1],
    [0, 3, 0],
    [0.5, 3, 1],
  ])('rejects start=%f end=%f stride=%f', (start, end, stride) => {
    expect(() => new QuantileSketch().addMany([1, 2, 3], start, end, stride)).toThrow(RangeError);
  });
});

describe('QuantileSketch when empty', () => {
  it('has count 0 and NaN statistics', () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.min).toBeNaN();
    expect(sketch.max).toBeNaN();
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(sketch.quantiles([0, 0.5, 1])).toEqual([NaN, NaN, NaN]);
    expect(plain(sketch.toJSON())).toStrictEqual({ mantissaBits: 10, lowKey: 0, counts: [], count: 0, min: NaN, max: NaN });
  });

  it('is the identity of merge', () => {
    const values = normals(40, 500, 0, 1e3);
    const intoEmpty = new QuantileSketch();
    intoEmpty.merge(sketchOf(values));
    const withEmpty = sketchOf(values);
    withEmpty.merge(new QuantileSketch());
    expect(plain(intoEmpty.toJSON())).toStrictEqual(plain(sketchOf(values).toJSON()));
    expect(plain(withEmpty.toJSON())).toStrictEqual(plain(sketchOf(values).toJSON()));
  });

  it('round-trips through toJSON/fromJSON', () => {
    expect(QuantileSketch.fromJSON(new QuantileSketch(12).toJSON()).toJSON()).toStrictEqual(new QuantileSketch(12).toJSON());
  });
});

describe('QuantileSketch.toJSON / fromJSON', () => {
  const sketch = sketchOf(normals(50, 2_000, 1e4, 3e4), 12);

  it('round-trips, also through structuredClone', () => {
    const data = sketch.toJSON();
    const restored = QuantileSketch.fromJSON(structuredClone(data));
    expect(restored.mantissaBits).toBe(12);
    expect(plain(restored.toJSON())).toStrictEqual(plain(data));
    expectIdenticalNumbers(restored.quantiles(GRID_PS), sketch.quantiles(GRID_PS));
  });

  it('hands out a copy: transferring its counts leaves the sketch intact', () => {
    const before = plain(sketch.toJSON());
    const data = sketch.toJSON();
    const received = structuredClone(data, { transfer: [data.counts.buffer] });
    expect(data.counts.length).toBe(0); // detached
    expect(plain(sketch.toJSON())).toStrictEqual(before);
    expect(plain(QuantileSketch.fromJSON(received).toJSON())).toStrictEqual(before);
  });

  it('trims untrimmed counts, so the data stays canonical', () => {
    const data = sketch.toJSON();
    const padded = new Int32Array(data.counts.length + 10);
    padded.set(data.counts, 4);
    const restored = QuantileSketch.fromJSON({ ...data, lowKey: data.lowKey - 4, counts: padded });
    expect(plain(restored.toJSON())).toStrictEqual(plain(data));
  });

  const valid = sketchOf([1, 2, 3, 100]).toJSON();
  it.each<[string, Partial<SketchData>]>([
    ['counts that do not sum to count', { count: 5 }],
    ['a negative count', { counts: Int32Array.from(valid.counts, (c, i) => (i === 0 ? -c : c)) }],
    ['a min outside the first bucket', { min: 0.5 }],
    ['a max outside the last bucket', { max: 1e3 }],
    ['min above max', { min: 100, max: 1 }],
    ['a NaN max', { max: NaN }],
    ['counts not an Int32Array', { counts: [1, 1, 1, 1] as unknown as Int32Array }],
    ['a bad mantissaBits', { mantissaBits: 5 }],
    ['keys beyond the finite doubles', { lowKey: 2 ** 30 }],
  ])('rejects %s', (_, change) => {
    expect(() => QuantileSketch.fromJSON({ ...valid, ...change })).toThrow(RangeError);
  });
});

describe('QuantileSketch rejects what would corrupt it', () => {
  it.each([NaN, Infinity, -Infinity])('add(%f) throws and leaves the sketch as it was', (bad) => {
    const sketch = sketchOf([1, 2, 3]);
    const before = plain(sketch.toJSON());
    expect(() => sketch.add(bad)).toThrow(RangeError);
    expect(plain(sketch.toJSON())).toStrictEqual(before);
  });

  it.each([NaN, Infinity, -Infinity])('addMany stops at %f, keeping the values before it', (bad) => {
    const sketch = new QuantileSketch();
    expect(() => sketch.addMany([1, 2, bad, 4])).toThrow(RangeError);
    expect(plain(sketch.toJSON())).toStrictEqual(plain(sketchOf([1, 2]).toJSON()));
    // The window was sized for the finite values only, not stretched towards infinity.
    expect(sketch.countsBytes).toBeLessThan(16_000);
  });

  it.each([-0.01, 1.01, NaN])('quantile(%f) throws', (p) => {
    expect(() => sketchOf([1]).quantile(p)).toThrow(RangeError);
  });

  it.each([5, 17, 10.5, NaN])('mantissaBits %f is rejected', (mantissaBits) => {
    expect(() => new QuantileSketch(mantissaBits)).toThrow(RangeError);
    expect(() => QuantileSketch.errorBound(1, mantissaBits)).toThrow(RangeError);
  });

  it('merging sketches of different precision throws', () => {
    expect(() => new QuantileSketch(10).merge(sketchOf([1], 12))).toThrow(RangeError);
  });
});

describe('QuantileSketch memory', () => {
  it('100k values spanning 1e6..2e7 hold < 20 KB of counts', () => {
    const sketch = sketchOf(uniforms(60, 100_000, 1e6, 2e7));
    expect(sketch.countsBytes).toBeLessThan(20_000);
    expect(sketch.toJSON().counts.byteLength).toBeLessThan(20_000);
  });

  it('100k values crossing zero (-2e5..3e5) hold < 200 KB of counts', () => {
    const sketch = sketchOf(uniforms(61, 100_000, -2e5, 3e5));
    expect(sketch.countsBytes).toBeLessThan(200_000);
  });

  it('a merged sketch is exactly as wide as its data', () => {
    const merged = new QuantileSketch();
    merged.merge(sketchOf(uniforms(62, 1_000, 1e6, 2e6)));
    merged.merge(sketchOf(uniforms(63, 1_000, 3e6, 4e6)));
    expect(merged.countsBytes).toBe(merged.toJSON().counts.byteLength);
  });

  it('the window is bounded even for the extreme finite doubles', () => {
    const sketch = sketchOf([Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0]);
    // Keys of finite values lie in [-1024 · 2^M, 1024 · 2^M].
    expect(sketch.countsBytes).toBeLessThanOrEqual((2 * 1024 * 2 ** 10 + 1) * 4);
    expect(sketch.quantile(0)).toBe(-Number.MAX_VALUE);
    expect(sketch.quantile(1)).toBe(Number.MAX_VALUE);
    expect(sketch.quantile(0.5)).toBeLessThanOrEqual(QuantileSketch.errorBound(Number.MIN_VALUE));
  });
});
