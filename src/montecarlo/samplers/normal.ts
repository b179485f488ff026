/**
 * The standard normal and the standard exponential, both by ziggurat; they share the layer count
 * and the table builder. cref.c uses the polar method for the normal and a pow for the gamma
 * boost's exponential.
 */
import type { Rng } from '../rng';

/**
 * Ziggurats (Marsaglia & Tsang 2000) of 256 layers of equal area under a decreasing density f on
 * [0, inf): layer i >= 1 is the box [0, x[i]] x [f(x[i]), f(x[i + 1])], layer 0 the box
 * [0, x[0]] x [0, f(r)] whose part beyond r stands for the tail. About 99% of draws land inside
 * the next layer's edge and are accepted with no function call; cref.c's polar method takes a log,
 * a square root and a division for every normal.
 */
const ZIGGURAT_LAYERS = 256;
/** Normal, f(x) = exp(-x^2 / 2): where the tail starts, and the common area of the layers. */
export const NORMAL_R = 3.6541528853610088;
const NORMAL_AREA = 0.0049286732339746552;
/** Exponential, f(x) = exp(-x). */
export const EXPONENTIAL_R = 7.69711747013105;
const EXPONENTIAL_AREA = 0.0039496598225815572;
/** x[i], right edge of layer i (decreasing; x[1] = r, x[256] = 0), and f(x[i]). */
const normalX = new Float64Array(ZIGGURAT_LAYERS + 1);
const normalF = new Float64Array(ZIGGURAT_LAYERS + 1);
const exponentialX = new Float64Array(ZIGGURAT_LAYERS + 1);
const exponentialF = new Float64Array(ZIGGURAT_LAYERS + 1);
buildZiggurat(normalX, normalF, NORMAL_R, NORMAL_AREA, {
  density: (x) => Math.exp(-0.5 * x * x),
  inverse: (y) => Math.sqrt(-2 * Math.log(y)),
});
buildZiggurat(exponentialX, exponentialF, EXPONENTIAL_R, EXPONENTIAL_AREA, {
  density: (x) => Math.exp(-x),
  inverse: (y) => -Math.log(y),
});

interface ZigguratShape {
  density: (x: number) => number;
  inverse: (y: number) => number;
}

function buildZiggurat(
  xs: Float64Array,
  fs: Float64Array,
  r: number,
  area: number,
  { density, inverse }: ZigguratShape,
): void {
  xs[0] = area / density(r);
  xs[1] = r;
  // Layer i has the common area: x[i] (f(x[i + 1]) - f(x[i])) = area.
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) xs[i + 1] = inverse(density(xs[i]) + area / xs[i]);
  xs[ZIGGURAT_LAYERS] = 0;
  for (let i = 0; i <= ZIGGURAT_LAYERS; i++) fs[i] = density(xs[i]);
}

/** Standard normal (ziggurat above); no value is cached, so the Rng holds the whole state. */
export function standardNormal(rng: Rng): number {
  for (;;) {
    // Layer and position from two separate draws: sharing bits between them is the known flaw
    // of the original RNOR.
    const layer = rng.nextUint32() & (ZIGGURAT_LAYERS - 1);
    const x = (2 * rng.nextDouble() - 1) * normalX[layer];
    if (Math.abs(x) < normalX[layer + 1]) return x;
    if (layer === 0) return x < 0 ? -normalTail(rng) : normalTail(rng);
    const fLow = normalF[layer];
    if (fLow + rng.nextDouble() * (normalF[layer + 1] - fLow) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** |Z| given |Z| > r, by Marsaglia's (1964) exponential rejection. */
function normalTail(rng: Rng): number {
  for (;;) {
    const excess = -Math.log(rng.nextDouble()) / NORMAL_R;
    const exponential = -Math.log(rng.nextDouble());
    if (2 * exponential >= excess * excess) return NORMAL_R + excess;
  }
}

/** Exponential(1) (ziggurat above): -log(U) without the log, for the gamma boost. */
export function standardExponential(rng: Rng): number {
  for (;;) {
    const layer = rng.nextUint32() & (ZIGGURAT_LAYERS - 1);
    const x = rng.nextDouble() * exponentialX[layer];
    if (x < exponentialX[layer + 1]) return x;
    // The tail beyond r is r plus an exponential (memorylessness).
    if (layer === 0) return EXPONENTIAL_R - Math.log(rng.nextDouble());
    const fLow = exponentialF[layer];
    if (fLow + rng.nextDouble() * (exponentialF[layer + 1] - fLow) < Math.exp(-x)) return x;
  }
}
