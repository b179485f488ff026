/**
 * Mergeable quantile sketch: the percentile bands (P5 … P95) of one metric in one month of one
 * scenario, without keeping the 10^4 to 10^6 trial values.
 *
 * A log-bucketed histogram in the spirit of HdrHistogram and DDSketch. A value v goes to the
 * bucket named by the exponent and the top M mantissa bits of the double 1 + |v| (read from its
 * bits, no Math.log), mirrored for negative values; exactly 0 has a bucket of its own. A bucket
 * is thus 2^-M wide relative to 1 + |v|: relative for money and customer counts, absolute
 * (≈ 2^-M) near zero, so cumulative profit can cross zero without a special case.
 *
 * Counts are integers and min and max are exact, so merging is exact, commutative and
 * associative, and every answer is a pure function of (counts, count, min, max): the bands come
 * out byte-identical whatever the number of workers, the chunk sizes and the merge order.
 *
 * Error (see errorBound): each order statistic is within (1 + |x|) · 2^-(M+1) of the truth, plus
 * rounding; the type-7 interpolation inherits the larger bound of its two order statistics.
 * For the Loyalty Lab bench (cumulative profit ≈ 1e7, M = 10) that is ±0.049% ≈ ±4,900 at
 * worst (about half that on average), against a Monte Carlo standard error of the median of
 * about 30,000 at 10,000 trials (and still about 9,500 at 100,000 trials).
 *
 * Memory: 2^M buckets (4 bytes each) per octave of 1 + |v| spanned, e.g. 1e6 … 2e7 ≈ 4.3 octaves
 * ≈ 18 KB at M = 10; -2e5 … 3e5 ≈ 2 × 19 octaves ≈ 155 KB; a sketch filled by add holds up to
 * 1/8 more (growth slack), one filled by addMany about twice (room for the next batch), a merged
 * or restored one exactly that. The key range of finite doubles is bounded (±1024 · 2^M), so the
 * window can never grow without bound.
 *
 * NaN and ±Infinity are a bug in the caller: add and addMany throw a RangeError and leave the
 * sketch as it was before that value.
 */

/** The plain form of a sketch, for transfer between workers (structured-clone friendly; counts is transferable). */
export interface SketchData {
  mantissaBits: number;
  /** Key of counts[0]; counts is trimmed to the occupied buckets, so equal sketches have equal data. */
  lowKey: number;
  counts: Int32Array;
  count: number;
  /** NaN when empty, as are the getters. */
  min: number;
  max: number;
}

const DEFAULT_MANTISSA_BITS = 10;
const MIN_MANTISSA_BITS = 6;
const MAX_MANTISSA_BITS = 16;
/** Mantissa bits in the high 32-bit word of a double: the key reads only that word. */
const HIGH_WORD_MANTISSA_BITS = 20;
const EXPONENT_BIAS = 1023;
/** Octaves of 1 + |v| over the finite doubles: 2^0 ≤ 1 + |v| < 2^1024. */
const OCTAVES = 1024;
/** Bucket counts are Int32; the engine inserts at most 10^6 values per sketch. */
const MAX_COUNT = 0x7fffffff;
/** First window, in buckets; it then grows by an eighth (at least this much) on the side that overflowed. */
const INITIAL_CAPACITY = 64;
/**
 * An eighth rather than doubling: the window of a typical month is found within the first few
 * hundred inserts, and a 12.5% overshoot keeps the ~1,400 live sketches of a worker small, while
 * the copies still cost at most 9 times the final window in all.
 */
const GROWTH_DIVISOR = 8;
/**
 * Rounding allowance of errorBound, relative to 1 + |x|: rounding 1 + |v| to a double (2^-53),
 * computing a bucket's midpoint (2^-52) and the two interpolations compared (2^-51 each) sum to
 * less than 2^-49; 2^-48 leaves a margin.
 */
const ROUNDING_ALLOWANCE = 2 ** -48;

/** One double and its two 32-bit words: the bits of 1 + |v| without DataView or allocation. */
const SCRATCH_FLOAT = new Float64Array(1);
const SCRATCH_WORDS = new Uint32Array(SCRATCH_FLOAT.buffer);
/** Index of the word holding sign, exponent and top mantissa bits: 1 on little-endian, 0 on big-endian. */
const HIGH_WORD = detectHighWord();

function detectHighWord(): number {
  SCRATCH_FLOAT[0] = 1; // 0x3ff00000_00000000
  if (SCRATCH_WORDS[1] === 0x3ff00000) return 1;
  if (SCRATCH_WORDS[0] === 0x3ff00000) return 0;
  throw new Error('QuantileSketch: unsupported layout of Float64Array');
}

/**
 * Midpoint, in value space, of the values a bucket holds: bucket ±(u + 1) holds 1 + |v| in
 * [2^e (1 + j 2^-M), 2^e (1 + (j + 1) 2^-M)) with e = u >> M, j = u mod 2^M.
 */
function bucketMidpoint(key: number, mantissaBits: number): number {
  if (key === 0) return 0;
  const magnitudeKey = Math.abs(key) - 1;
  const octave = magnitudeKey >> mantissaBits;
  const width = 2 ** (octave - mantissaBits);
  // Exact up to the final - 1: at most M + 2 significant bits.
  const lowerEdge = 2 ** octave + (magnitudeKey & ((1 << mantissaBits) - 1)) * width;
  const midpoint = lowerEdge + width / 2 - 1;
  return key > 0 ? midpoint : -midpoint;
}

function checkMantissaBits(mantissaBits: number): void {
  if (!Number.isInteger(mantissaBits) || mantissaBits < MIN_MANTISSA_BITS || mantissaBits > MAX_MANTISSA_BITS) {
    throw new RangeError(`QuantileSketch: mantissaBits must be an integer in ${MIN_MANTISSA_BITS}..${MAX_MANTISSA_BITS}, got ${mantissaBits}`);
  }
}

const NO_COUNTS = new Int32Array(0);

export class QuantileSketch {
  readonly mantissaBits: number;
  private readonly shift: number;
  /** (1023 << M): the octave-and-mantissa key of 1.0, so that v = 0+ has magnitude key 1. */
  private readonly oneKey: number;
  /** Largest |key| of a finite value. */
  private readonly keyLimit: number;
  /** Counts of the keys lowKey, lowKey + 1, …; may extend past the occupied keys (growth slack). */
  private counts: Int32Array = NO_COUNTS;
  private lowKey = 0;
  private total = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;

  constructor(mantissaBits = DEFAULT_MANTISSA_BITS) {
    checkMantissaBits(mantissaBits);
    this.mantissaBits = mantissaBits;
    this.shift = HIGH_WORD_MANTISSA_BITS - mantissaBits;
    this.oneKey = EXPONENT_BIAS << mantissaBits;
    this.keyLimit = OCTAVES << mantissaBits;
  }

  /**
   * Guaranteed bound on |quantile(p) − exact type-7 quantile| when the order statistics the
   * quantile interpolates have magnitude ≤ |x|:
   *   errorBound(x, M) = (1 + |x|) · (2^-(M+1) + 2^-48).
   * A bucket spans 2^(e−M) with 2^e ≤ 1 + |x|, and its midpoint (clamped to [min, max], which
   * holds the true value) is at most half that from any value in it; the first and last order
   * statistics are min and max, exact. 2^-48 covers the floating-point rounding.
   */
  static errorBound(x: number, mantissaBits = DEFAULT_MANTISSA_BITS): number {
    checkMantissaBits(mantissaBits);
    return (1 + Math.abs(x)) * (2 ** -(mantissaBits + 1) + ROUNDING_ALLOWANCE);
  }

  get count(): number {
    return this.total;
  }

  get min(): number {
    return this.total === 0 ? NaN : this.minValue;
  }

  get max(): number {
    return this.total === 0 ? NaN : this.maxValue;
  }

  /** Bytes held by the counts window, growth slack included (what a live sketch costs). */
  get countsBytes(): number {
    return this.counts.byteLength;
  }

  /** Hot path of the engine: no allocation unless the window grows. */
  add(value: number): void {
    // Checked before anything changes; `<=` is false for NaN too.
    if (!(Math.abs(value) <= Number.MAX_VALUE) || this.total === MAX_COUNT) this.reject(value);
    const key = this.keyOf(value);
    const index = key - this.lowKey;
    const counts = this.counts;
    if (index >= 0 && index < counts.length) counts[index]++;
    else this.addOutsideWindow(key);
    this.total++;
    // -0 + 0 is +0: min and max must not depend on which zero came first.
    const normalized = value + 0;
    if (normalized < this.minValue) this.minValue = normalized;
    if (normalized > this.maxValue) this.maxValue = normalized;
  }

  /**
   * add(values[i]) for i = start, start + stride, … < end: one column of an interleaved buffer.
   * On a non-finite value it throws, keeping the values before it.
   */
  addMany(values: ArrayLike<number>, start = 0, end = values.length, stride = 1): void {
    if (!Number.isInteger(start) || !Number.isInteger(end) || !Number.isInteger(stride) ||
        start < 0 || end > values.length || stride < 1) {
      throw new RangeError(`QuantileSketch.addMany: bad range start=${start} end=${end} stride=${stride} for length ${values.length}`);
    }
    this.fitWindow(values, start, end, stride);
    for (let i = start; i < end; i += stride) this.add(values[i]);
  }

  /**
   * Grows the window once to hold every finite value of a batch, with room for later batches:
   * half the span more on each side that grows. A worker's first flushes put hundreds of values
   * into each sketch: growing an eighth at a time as they came allocated and copied about 9 times
   * the final windows (30 MB for the bench), and growing to fit each batch exactly resized most
   * windows again at every flush, as the extremes of more trials reached further.
   */
  private fitWindow(values: ArrayLike<number>, start: number, end: number, stride: number): void {
    let low = Infinity;
    let high = -Infinity;
    for (let i = start; i < end; i += stride) {
      const value = values[i];
      // Non-finite values are left to add, which rejects them where they stand.
      if (value < low && value >= -Number.MAX_VALUE) low = value;
      if (value > high && value <= Number.MAX_VALUE) high = value;
    }
    if (low > high) return;
    this.growWindow(this.keyOf(low), this.keyOf(high), true);
  }

  /**
   * Grows the window to hold the keys lowKey..highKey as well as its own. With `room`, half the
   * new span more on each side that grows, so that later batches land without another
   * resize.
   */
  private growWindow(lowKey: number, highKey: number, room: boolean): void {
    // Every field read before any branch: a branch first taken late must not meet a property
    // access V8 has no feedback for (that threw the optimised flush away).
    const { keyLimit, lowKey: windowLow } = this;
    const capacity = this.counts.length;
    const windowHigh = windowLow + capacity - 1;
    const fitsBelow = capacity > 0 && lowKey >= windowLow;
    const fitsAbove = capacity > 0 && highKey <= windowHigh;
    if (fitsBelow && fitsAbove) return;
    const from = fitsBelow ? windowLow : lowKey;
    const to = fitsAbove ? windowHigh : highKey;
    const slack = room ? Math.max(INITIAL_CAPACITY, (to - from + 1) >> 1) : 0;
    this.resize(fitsBelow ? from : Math.max(from - slack, -keyLimit), fitsAbove ? to : Math.min(to + slack, keyLimit));
  }

  /** Adds other's values to this one's; other is unchanged. The window grows to fit exactly (merged sketches are the long-lived ones). */
  merge(other: QuantileSketch): void {
    this.mergeData({
      mantissaBits: other.mantissaBits,
      lowKey: other.lowKey,
      counts: other.counts,
      count: other.total,
      min: other.minValue,
      max: other.maxValue,
    });
  }

  /**
   * Merges another sketch's data without rebuilding it first (for sketches the engine's own
   * workers packed; `fromJSON` is the checked way in for data from anywhere else). Its occupied
   * buckets run from min's to max's, whatever room its counts keep around them. The window grows
   * to fit exactly.
   */
  mergeData(other: SketchData): void {
    if (other.mantissaBits !== this.mantissaBits) {
      throw new RangeError(`QuantileSketch.merge: mantissaBits differ (${this.mantissaBits} vs ${other.mantissaBits})`);
    }
    if (other.count === 0) return;
    if (this.total + other.count > MAX_COUNT) throw new RangeError('QuantileSketch.merge: more than 2^31 − 1 values');
    const otherCounts = other.counts;
    const first = this.keyOf(other.min) - other.lowKey;
    const last = this.keyOf(other.max) - other.lowKey;
    this.growWindow(other.lowKey + first, other.lowKey + last, false);
    const counts = this.counts;
    const offset = other.lowKey - this.lowKey;
    for (let i = first; i <= last; i++) counts[offset + i] += otherCounts[i];
    this.total += other.count;
    // Read and stored every time: V8 optimises this function before it has seen every way
    // through it, and a load or store it had never run threw the optimised code away (a worker's
    // final merge compiled it twice).
    const { minValue, maxValue } = this;
    const { min, max } = other;
    this.minValue = min < minValue ? min : minValue;
    this.maxValue = max > maxValue ? max : maxValue;
  }

  /** Type-7 quantile (numpy's "linear"); p in [0, 1]; NaN when empty. */
  quantile(p: number): number {
    return this.quantiles([p])[0];
  }

  /**
   * Type-7 quantiles of ps (any order; one pass over the buckets when sorted):
   * h = (n − 1) p, X(⌊h⌋) + (h − ⌊h⌋)(X(⌊h⌋ + 1) − X(⌊h⌋)), with X(0) = min and X(n − 1) = max
   * exact and every other X(r) the midpoint of its bucket clamped to [min, max].
   */
  quantiles(ps: readonly number[]): number[] {
    for (const p of ps) {
      if (!(p >= 0 && p <= 1)) throw new RangeError(`QuantileSketch.quantiles: p must be in [0, 1], got ${p}`);
    }
    const result = new Array<number>(ps.length).fill(NaN);
    if (this.total === 0) return result;
    const lastRank = this.total - 1;
    const counts = this.counts;
    // Cursor over the buckets: `below` values lie in buckets before `bucket`. It moves both
    // ways because X(⌊h⌋ + 1) of one p may lie past X(⌊h'⌋) of the next. It starts at min's
    // bucket, the first occupied one, past any room the window keeps below it.
    let bucket = this.keyOf(this.minValue) - this.lowKey;
    let below = 0;
    const orderStatistic = (rank: number): number => {
      if (rank === 0) return this.minValue;
      if (rank === lastRank) return this.maxValue;
      while (rank < below) below -= counts[--bucket];
      while (below + counts[bucket] <= rank) below += counts[bucket++];
      const midpoint = bucketMidpoint(this.lowKey + bucket, this.mantissaBits);
      return Math.min(Math.max(midpoint, this.minValue), this.maxValue);
    };
    const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
    for (const i of order) {
      const h = lastRank * ps[i];
      const lowerRank = Math.floor(h);
      const fraction = h - lowerRank;
      const lower = orderStatistic(lowerRank);
      result[i] = fraction === 0 ? lower : lower + fraction * (orderStatistic(lowerRank + 1) - lower);
    }
    return result;
  }

  /** A fresh copy trimmed to the occupied buckets: transferring its counts leaves this sketch intact. */
  toJSON(): SketchData {
    const view = this.view();
    return { ...view, counts: view.counts.slice() };
  }

  /** Like toJSON, but its counts are a view of this sketch's own (no copy): read it, do not keep it. */
  view(): SketchData {
    if (this.total === 0) {
      return { mantissaBits: this.mantissaBits, lowKey: 0, counts: NO_COUNTS, count: 0, min: NaN, max: NaN };
    }
    // The first and last occupied buckets hold min and max: no scan over the window's slack
    // (scanning it made a bench worker's final pack 2-3 times slower).
    const first = this.keyOf(this.minValue) - this.lowKey;
    const last = this.keyOf(this.maxValue) - this.lowKey;
    return {
      mantissaBits: this.mantissaBits,
      lowKey: this.lowKey + first,
      counts: this.counts.subarray(first, last + 1),
      count: this.total,
      min: this.minValue,
      max: this.maxValue,
    };
  }

  /** Rebuilds a sketch (copying the counts); rejects data that no sketch could have produced. */
  static fromJSON(data: SketchData): QuantileSketch {
    const sketch = new QuantileSketch(data.mantissaBits);
    const { counts, count, lowKey } = data;
    if (!(counts instanceof Int32Array)) throw invalidData('counts is not an Int32Array');
    if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) throw invalidData(`bad count ${count}`);
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] < 0) throw invalidData(`negative count at ${i}`);
      sum += counts[i];
    }
    if (sum !== count) throw invalidData(`counts sum to ${sum}, count is ${count}`);
    if (count === 0) return sketch;
    const first = firstOccupied(counts);
    const last = lastOccupied(counts);
    if (!Number.isInteger(lowKey) || lowKey + first < -sketch.keyLimit || lowKey + last > sketch.keyLimit) {
      throw invalidData(`keys out of range (lowKey ${lowKey})`);
    }
    const min = data.min + 0;
    const max = data.max + 0;
    if (!(Math.abs(min) <= Number.MAX_VALUE && Math.abs(max) <= Number.MAX_VALUE && min <= max)) {
      throw invalidData(`bad min ${data.min} / max ${data.max}`);
    }
    if (sketch.keyOf(min) !== lowKey + first || sketch.keyOf(max) !== lowKey + last) {
      throw invalidData('min or max is not in the first or last occupied bucket');
    }
    sketch.counts = counts.slice(first, last + 1);
    sketch.lowKey = lowKey + first;
    sketch.total = count;
    sketch.minValue = min;
    sketch.maxValue = max;
    return sketch;
  }

  /**
   * Bucket key of a finite v: 0 for v = 0, else ±(1 + the octave-and-mantissa key of 1 + |v|).
   * Keys grow with v, so walking the buckets in key order walks the sorted values.
   */
  private keyOf(value: number): number {
    if (value === 0) return 0;
    SCRATCH_FLOAT[0] = 1 + Math.abs(value);
    const magnitudeKey = (SCRATCH_WORDS[HIGH_WORD] >>> this.shift) - this.oneKey + 1;
    return value > 0 ? magnitudeKey : -magnitudeKey;
  }

  /** Cold path of add: why the value cannot go in (out of line, so add stays small for inlining). */
  private reject(value: number): never {
    if (this.total === MAX_COUNT) throw new RangeError('QuantileSketch.add: more than 2^31 − 1 values');
    throw new RangeError(`QuantileSketch.add: ${value} is not finite`);
  }

  /** Cold path of add: the key lies outside the window (or there is no window yet). */
  private addOutsideWindow(key: number): void {
    const capacity = this.counts.length;
    if (capacity === 0) {
      const low = Math.max(key - INITIAL_CAPACITY / 2, -this.keyLimit);
      this.resize(low, Math.min(low + INITIAL_CAPACITY - 1, this.keyLimit));
    } else {
      const slack = Math.max(INITIAL_CAPACITY, Math.floor(capacity / GROWTH_DIVISOR));
      const highKey = this.lowKey + capacity - 1;
      if (key < this.lowKey) this.resize(Math.max(key - slack, -this.keyLimit), highKey);
      else this.resize(this.lowKey, Math.min(key + slack, this.keyLimit));
    }
    this.counts[key - this.lowKey]++;
  }

  /** New window [lowKey, highKey], which must contain the current one. */
  private resize(lowKey: number, highKey: number): void {
    const counts = new Int32Array(highKey - lowKey + 1);
    if (this.counts.length > 0) counts.set(this.counts, this.lowKey - lowKey);
    this.counts = counts;
    this.lowKey = lowKey;
  }
}

let warmedUp = false;

/**
 * Feeds a throwaway sketch fractional, negative and whole values, once per thread, so that V8
 * optimises add for doubles from the start, in batches that start the window, grow it on both
 * sides and fit in it. A worker's first values are whole customer counts: add, keyOf and
 * addMany, optimised for small integers, were thrown away at the first revenue and compiled
 * again; a way through the window's sizing first taken late threw the flush's code away too.
 */
export function warmUpSketches(): void {
  if (warmedUp) return;
  warmedUp = true;
  const small = Float32Array.of(0.5, 3, 17, 1.25);
  const wide = Float32Array.of(-2e5, 1e6 + 0.5, 0, -1.25, 3);
  // Many times over: V8 records no feedback in a function's first few calls.
  for (let i = 0; i < 50; i++) {
    // The coarsest sketch: its windows are small, and the code is the same.
    const sketch = new QuantileSketch(MIN_MANTISSA_BITS);
    sketch.addMany(small);
    sketch.addMany(wide);
    sketch.addMany(wide);
  }
}

function invalidData(why: string): RangeError {
  return new RangeError(`QuantileSketch.fromJSON: ${why}`);
}

/** Index of the first non-zero count (the sketch is not empty). */
function firstOccupied(counts: Int32Array): number {
  let i = 0;
  while (counts[i] === 0) i++;
  return i;
}

/** Index of the last non-zero count (the sketch is not empty). */
function lastOccupied(counts: Int32Array): number {
  let i = counts.length - 1;
  while (counts[i] === 0) i--;
  return i;
}
