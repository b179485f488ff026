/**
 * Micro-benchmark of the quantile sketch: nanoseconds per insert for the data one month of the
 * engine produces (revenue 5e6..2e7, customer counts, cumulative profit crossing zero), the cost
 * of merging a worker's chunk into the running total and of sending it (toJSON / fromJSON), and
 * the memory a sketch holds. Run with `npx tsx scripts/bench-sketch.ts [values] [rounds]`;
 * prints one JSON object, the best of `rounds` timings per case.
 *
 * The data is drawn before timing, so only the sketch is measured.
 */
import { QuantileSketch } from '../src/montecarlo/quantileSketch';
import { Rng } from '../src/montecarlo/rng';
import { standardNormal } from '../src/montecarlo/samplers';

const valueCount = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 7);
/** Trials per worker chunk: each chunk fills fresh sketches that are then merged. */
const CHUNK_TRIALS = 1_000;
const BANDS = [0.05, 0.25, 0.5, 0.75, 0.95];

const rng = new Rng(7, 0);
const draw = (sample: () => number) => Float64Array.from({ length: valueCount }, sample);
const DATA: Record<string, Float64Array> = {
  revenue: draw(() => 5e6 + 1.5e7 * rng.nextDouble()),
  customers: draw(() => Math.max(0, Math.round(10_000 + 1_500 * standardNormal(rng)))),
  profitCrossingZero: draw(() => 5e4 + 1e5 * standardNormal(rng)),
};

function best(run: () => number): { ms: number; sink: number } {
  let ms = Infinity;
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    sink += run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, sink };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
let sink = 0;
const nsPerInsert: Record<string, Record<string, number>> = {};
const memoryBytes: Record<string, { live: number; trimmed: number }> = {};
const perChunkMerge: Record<string, { bucketsMerged: number; mergeUs: number; mergeNsPerBucket: number; toJSONUs: number; fromJSONUs: number }> = {};
const quantileUs: Record<string, number> = {};

for (const [name, values] of Object.entries(DATA)) {
  // One sketch, filled value by value, as a worker holding one sketch per month does.
  const addLoop = best(() => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < values.length; i++) sketch.add(values[i]);
    return sketch.count;
  });
  const addMany = best(() => {
    const sketch = new QuantileSketch();
    sketch.addMany(values);
    return sketch.count;
  });
  // Fresh sketches of CHUNK_TRIALS values each: includes finding and growing the window.
  const freshPerChunk = best(() => {
    let count = 0;
    for (let start = 0; start < values.length; start += CHUNK_TRIALS) {
      const sketch = new QuantileSketch();
      sketch.addMany(values, start, Math.min(start + CHUNK_TRIALS, values.length));
      count += sketch.count;
    }
    return count;
  });
  sink += addLoop.sink + addMany.sink + freshPerChunk.sink;
  nsPerInsert[name] = {
    add: round2((addLoop.ms * 1e6) / values.length),
    addMany: round2((addMany.ms * 1e6) / values.length),
    [`fresh sketch per ${CHUNK_TRIALS}`]: round2((freshPerChunk.ms * 1e6) / values.length),
  };

  const full = new QuantileSketch();
  full.addMany(values);
  memoryBytes[name] = { live: full.countsBytes, trimmed: full.toJSON().counts.byteLength };

  const chunks = Array.from({ length: Math.ceil(values.length / CHUNK_TRIALS) }, (_, k) => {
    const sketch = new QuantileSketch();
    sketch.addMany(values, k * CHUNK_TRIALS, Math.min((k + 1) * CHUNK_TRIALS, values.length));
    return sketch;
  });
  const merge = best(() => {
    const total = new QuantileSketch();
    for (const chunk of chunks) total.merge(chunk);
    return total.count;
  });
  const messages = chunks.map((chunk) => chunk.toJSON());
  const toJSON = best(() => chunks.reduce((sum, chunk) => sum + chunk.toJSON().count, 0));
  const fromJSON = best(() => messages.reduce((sum, data) => sum + QuantileSketch.fromJSON(data).count, 0));
  const quantiles = best(() => {
    let sum = 0;
    for (let k = 0; k < 100; k++) sum += full.quantiles(BANDS)[2];
    return sum;
  });
  sink += merge.sink + toJSON.sink + fromJSON.sink + quantiles.sink;
  const bucketsMerged = messages.reduce((sum, data) => sum + data.counts.length, 0);
  perChunkMerge[name] = {
    bucketsMerged: Math.round(bucketsMerged / chunks.length),
    mergeUs: round2((merge.ms * 1e3) / chunks.length),
    mergeNsPerBucket: round2((merge.ms * 1e6) / bucketsMerged),
    toJSONUs: round2((toJSON.ms * 1e3) / chunks.length),
    fromJSONUs: round2((fromJSON.ms * 1e3) / chunks.length),
  };
  quantileUs[name] = round2((quantiles.ms * 1e3) / 100);
}

// The sink keeps the JIT from discarding the work.
console.log(JSON.stringify({
  values: valueCount,
  rounds,
  nsPerInsert,
  [`perChunkOf${CHUNK_TRIALS}`]: perChunkMerge,
  quantilesOf5BandsUs: quantileUs,
  memoryBytesPerSketch: memoryBytes,
  errorBoundAt1e7: round2(QuantileSketch.errorBound(1e7)),
  sink,
}, null, 2));
