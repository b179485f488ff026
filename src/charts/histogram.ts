/**
 * Histograms of a simulated scalar (e.g. incremental NPV over Monte Carlo trials). Bins have
 * round, equal widths so their edges read well on the axis; bars are coloured by the side of
 * zero they fall on, because "how often do we lose money" is the question the chart answers.
 */
import { bin } from 'd3';
import type { Bin, Marker } from './types';

/**
 * Equal-width bins [x0, x1) with round edges over the finite values, about `binCount` of them
 * (d3 picks a round step, so the count may differ; a maximum on a round edge opens one more bin).
 * All values equal gives one bin centred on them.
 */
export function binValues(values: ArrayLike<number>, binCount = 30): Bin[] {
  const finite = Array.from(values).filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  const first = finite[0];
  if (finite.every((v) => v === first)) {
    const half = Math.abs(first) * 0.05 || 0.5;
    return [{ x0: first - half, x1: first + half, count: finite.length }];
  }
  // With a count, d3.bin nices the extent and cuts it at d3.ticks, so every bin has the same width.
  return bin()
    .thresholds(binCount)(finite)
    .map((b) => ({ x0: b.x0 as number, x1: b.x1 as number, count: b.length }));
}

/** One drawn bar: a bin, or the part of it on one side of zero. */
export interface HistogramBar extends Bin {
  negative: boolean;
}

/** The bars to draw: bins left of 0 are negative, right of it positive, and one across 0 is split. */
export function histogramBars(bins: Bin[]): HistogramBar[] {
  return bins.flatMap(({ x0, x1, count }) => {
    if (x1 <= 0) return [{ x0, x1, count, negative: true }];
    if (x0 >= 0) return [{ x0, x1, count, negative: false }];
    return [
      { x0, x1: 0, count, negative: true },
      { x0: 0, x1, count, negative: false },
    ];
  });
}

/** The x domain that shows every bin and every marker. */
export function histogramDomain(bins: Bin[], markers: Marker[] = []): [number, number] {
  const xs = [...bins.flatMap((b) => [b.x0, b.x1]), ...markers.map((m) => m.value)].filter((v) =>
    Number.isFinite(v),
  );
  if (xs.length === 0) return [0, 1];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/**
 * The label row of each marker so that labels closer than `minGap` px don't overlap: greedily,
 * from left to right, each label takes the lowest row whose last label is far enough away.
 * Rows are returned in the markers' original order.
 */
export function labelRows(positions: number[], minGap: number): number[] {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a] - positions[b]);
  const rowEnds: number[] = [];
  const rows = new Array<number>(positions.length);
  for (const i of order) {
    let row = rowEnds.findIndex((end) => positions[i] - end >= minGap);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = positions[i];
    rows[i] = row;
  }
  return rows;
}
