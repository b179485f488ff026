/**
 * Value domains and ticks for linear axes. A bound at exactly zero is never padded, so a zero
 * baseline stays the bottom (or top) of the chart instead of floating above empty space.
 */
import { scaleLinear, ticks } from 'd3';

export interface ExtentOptions {
  /** Stretch the extent to contain 0 (the honest default for counts and money). */
  includeZero?: boolean;
  /** Share of the span added beyond each non-zero bound, so lines don't touch the frame. */
  pad?: number;
}

/** The [min, max] of the finite values, widened as the options say; [0, 1] when there are none. */
export function paddedExtent(
  values: Iterable<number>,
  { includeZero = true, pad = 0.02 }: ExtentOptions = {},
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    // A flat series still needs a non-empty domain; centre it so the line sits mid-chart.
    if (lo === 0) return [0, 1];
    const half = Math.abs(lo) * 0.1;
    return [lo - half, hi + half];
  }
  const span = hi - lo;
  return [lo === 0 ? 0 : lo - span * pad, hi === 0 ? 0 : hi + span * pad];
}

/** The domain extended to round tick values, as d3's `nice` does for about `count` ticks. */
export function niceDomain([lo, hi]: [number, number], count = 5): [number, number] {
  const [a, b] = scaleLinear().domain([lo, hi]).nice(count).domain();
  return [a, b];
}

/** About `count` round values inside the domain, for gridlines and axis labels. */
export function valueTicks([lo, hi]: [number, number], count = 4): number[] {
  return ticks(lo, hi, count);
}

/**
 * Room (px) the y-axis labels need left of the plot. Estimated from character count, since the
 * real text width is only known after layout; ~0.6 em per character fits Inter's tabular digits.
 */
export function labelGutter(labels: string[], fontSize = 12, gap = 10): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.ceil(longest * fontSize * 0.6) + gap;
}
