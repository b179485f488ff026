/**
 * The shape of an uncertain input for the editor's sparkline: its density, taken from the CDF
 * (which every family has in distributions.ts, where not every family has a density formula),
 * and that density drawn as a small filled SVG path.
 */
import { cdfOf, quantileOf } from '../model/distributions';
import type { Resolved } from '../model/uncertain';

export interface DensityPoint {
  /** The middle of a bin. */
  x: number;
  /** The probability in the bin divided by its width. */
  density: number;
}

/** The curve spans the 0.5% to 99.5% quantiles: the tails show, without a long one flattening the rest. */
const TAIL = 0.005;
const BINS = 60;

/** The average density in each of `bins` equal bins between the 0.5% and 99.5% quantiles; none for a fixed value. */
export function densityCurve(resolved: Resolved, bins = BINS): DensityPoint[] {
  const from = quantileOf(resolved, TAIL);
  const to = quantileOf(resolved, 1 - TAIL);
  if (!(to > from)) return [];
  const width = (to - from) / bins;
  const curve: DensityPoint[] = [];
  let below = cdfOf(resolved, from);
  for (let i = 1; i <= bins; i++) {
    const edge = i === bins ? to : from + i * width;
    const next = cdfOf(resolved, edge);
    curve.push({ x: from + (i - 0.5) * width, density: (next - below) / width });
    below = next;
  }
  return curve;
}

/** One decimal: a tenth of a pixel is below what a screen shows. */
function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * The area under the curve in a `width` × `height` box: bins evenly across, the highest density
 * at the top, closed on the baseline. Empty when there is no curve to draw.
 */
export function sparklinePath(curve: readonly DensityPoint[], width: number, height: number): string {
  if (curve.length < 2) return '';
  const peak = Math.max(...curve.map((point) => point.density));
  if (!(peak > 0 && Number.isFinite(peak))) return '';
  const step = width / (curve.length - 1);
  const top = curve.map(
    (point, i) => `L${coordinate(i * step)},${coordinate(height - (point.density / peak) * height)}`,
  );
  return `M0,${coordinate(height)}${top.join('')}L${coordinate(width)},${coordinate(height)}Z`;
}
