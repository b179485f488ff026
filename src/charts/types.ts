/**
 * The plain data the chart components take. Values are per month: month m sits at index m - 1,
 * so a five-year projection is 60 values long.
 */

/** Formats a number for display (ticks, tooltips, tables); the caller localises it. */
export type FormatNumber = (n: number) => string;

/** One line (or, stacked, one area) of a monthly chart. */
export interface TimeSeries {
  id: string;
  label: string;
  values: number[];
  /** A CSS colour; by default the palette colour of the series' index. */
  color?: string;
}

/** Percentiles of one Monte Carlo output over months. */
export interface FanSeries {
  id: string;
  label: string;
  p5: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
  color?: string;
}

/** One histogram bar: `count` values fell in [x0, x1). */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/** A labelled vertical rule on a value axis, e.g. "break-even" at 0 or "mean". */
export interface Marker {
  value: number;
  label: string;
}

/** One input of a sensitivity analysis: the output with the input at its low and high end. */
export interface TornadoRow {
  id: string;
  label: string;
  low: number;
  high: number;
}

/** The space around the plot area, in pixels, for axis labels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One legend entry; the swatch mimics the mark it explains (default: a filled square). */
export interface LegendItem {
  label: string;
  color: string;
  swatch?: 'line' | 'dashed' | 'area' | 'band-outer' | 'band-inner';
}
