/**
 * Tornado (one-at-a-time sensitivity) charts: the inputs that move the output most come first,
 * which is the whole point of the shape.
 */
import type { TornadoRow } from './types';

/** How far the output moves between the input's low and high end. */
export function swing(row: Pick<TornadoRow, 'low' | 'high'>): number {
  return Math.abs(row.high - row.low);
}

/** The rows by swing, largest first; equal swings keep their given order. */
export function sortBySwing<T extends Pick<TornadoRow, 'low' | 'high'>>(rows: readonly T[]): T[] {
  // Array.prototype.sort is stable, so ties keep the caller's order.
  return [...rows].sort((a, b) => swing(b) - swing(a));
}

/** The x domain around the base value and every bar end, with `pad` of the span on each side. */
export function tornadoDomain(
  rows: readonly Pick<TornadoRow, 'low' | 'high'>[],
  base: number,
  pad = 0.05,
): [number, number] {
  const xs = [base, ...rows.flatMap((r) => [r.low, r.high])].filter((v) => Number.isFinite(v));
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (lo === hi) {
    const half = Math.abs(lo) * 0.1 || 1;
    return [lo - half, hi + half];
  }
  const span = hi - lo;
  return [lo - span * pad, hi + span * pad];
}
