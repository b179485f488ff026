/**
 * SVG path strings for monthly data. Value index i is month i + 1; `x` maps a month and `y` a
 * value to pixels (the chart's scales). Non-finite values leave a gap instead of a spike to 0.
 */
import { area, line } from 'd3';

type Position = (n: number) => number;

/** Digits kept in path coordinates: a tenth of a pixel is below what a screen shows. */
const DIGITS = 1;

/** The line through the values, or '' when none is finite. */
export function linePath(values: number[], x: Position, y: Position): string {
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(i + 1))
    .y((v) => y(v))
    .digits(DIGITS);
  return path(values) ?? '';
}

/** The area between two edges (a percentile band, a stacked segment), or '' when empty. */
export function bandPath(lower: number[], upper: number[], x: Position, y: Position): string {
  const months = Array.from({ length: Math.min(lower.length, upper.length) }, (_, i) => i);
  const path = area<number>()
    .defined((i) => Number.isFinite(lower[i]) && Number.isFinite(upper[i]))
    .x((i) => x(i + 1))
    .y0((i) => y(lower[i]))
    .y1((i) => y(upper[i]))
    .digits(DIGITS);
  return path(months) ?? '';
}
