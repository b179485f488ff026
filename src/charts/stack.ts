/**
 * Stacking of monthly series into areas (customers by segment). Positive values stack upwards
 * from 0 and negative ones downwards, like d3's diverging offset, so a negative segment can't
 * hide under a positive one. A missing or non-finite value counts as 0.
 */

export interface StackedBand {
  id: string;
  /** Bottom edge of the area, per month. */
  lower: number[];
  /** Top edge of the area, per month. */
  upper: number[];
}

/** The bands of the series stacked in the given order, the first at the bottom. */
export function stackSeries(series: { id: string; values: number[] }[]): StackedBand[] {
  const horizon = Math.max(0, ...series.map((s) => s.values.length));
  const positive = new Array<number>(horizon).fill(0);
  const negative = new Array<number>(horizon).fill(0);
  return series.map(({ id, values }) => {
    const lower: number[] = [];
    const upper: number[] = [];
    for (let i = 0; i < horizon; i++) {
      const v = Number.isFinite(values[i]) ? values[i] : 0;
      const edges = v >= 0 ? positive : negative;
      lower.push(edges[i]);
      edges[i] += v;
      upper.push(edges[i]);
    }
    return { id, lower, upper };
  });
}
