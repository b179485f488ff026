/**
 * The month axis of projections: month 1 is the first month of the plan, month H the last.
 * Long horizons are read by year (ticks at 12, 24, ...), short ones by month.
 */

export interface MonthTicks {
  /** 'year' when the ticks sit at year ends and should be labelled as years. */
  unit: 'month' | 'year';
  months: number[];
}

/** Tick months for a horizon of `horizon` months, at most about `maxTicks` of them. */
export function monthTicks(horizon: number, maxTicks = 8): MonthTicks {
  if (horizon > 24) {
    const years = Math.floor(horizon / 12);
    const step = Math.ceil(years / maxTicks);
    const months: number[] = [];
    for (let year = step; year <= years; year += step) months.push(year * 12);
    return { unit: 'year', months };
  }
  if (horizon <= maxTicks) {
    return { unit: 'month', months: Array.from({ length: Math.max(horizon, 1) }, (_, i) => i + 1) };
  }
  // Quarter or half-year steps, always starting at month 1 so the plan's start is labelled.
  const step = [3, 6, 12].find((s) => Math.floor(horizon / s) + 1 <= maxTicks) ?? 12;
  const months = [1];
  for (let m = step; m <= horizon; m += step) months.push(m);
  return { unit: 'month', months };
}

/** The months a yearly summary shows: each year end, and the last month if it isn't one. */
export function yearEndMonths(horizon: number): number[] {
  const months: number[] = [];
  for (let m = 12; m <= horizon; m += 12) months.push(m);
  if (horizon > 0 && horizon % 12 !== 0) months.push(horizon);
  return months;
}

/** The month nearest to a (fractional) month position, kept within 1..horizon. */
export function nearestMonth(position: number, horizon: number): number {
  if (!Number.isFinite(position)) return 1;
  return Math.min(Math.max(Math.round(position), 1), Math.max(horizon, 1));
}

/**
 * Where a key press moves the crosshair: arrows by a month, PageUp/PageDown by a year,
 * Home/End to the ends, Escape hides it (null). `undefined` means the key is not the chart's,
 * so the caller leaves it alone (Tab must keep working).
 */
export function monthForKey(
  key: string,
  current: number | null,
  horizon: number,
): number | null | undefined {
  const last = Math.max(horizon, 1);
  const clamp = (m: number) => Math.min(Math.max(m, 1), last);
  switch (key) {
    case 'ArrowRight':
      return current === null ? 1 : clamp(current + 1);
    case 'ArrowLeft':
      return current === null ? last : clamp(current - 1);
    case 'PageUp':
      return clamp((current ?? 0) + 12);
    case 'PageDown':
      return clamp((current ?? last) - 12);
    case 'Home':
      return 1;
    case 'End':
      return last;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
