/**
 * Chart colours as CSS custom properties with fallbacks, so the app can theme them. They are
 * applied through `style` (not presentation attributes), because SVG attributes don't resolve var().
 */

const SERIES = [
  'var(--chart-1, #2563eb)',
  'var(--chart-2, #16a34a)',
  'var(--chart-3, #d97706)',
  'var(--chart-4, #9333ea)',
] as const;

export const NEGATIVE_COLOR = 'var(--chart-negative, #dc2626)';
export const MUTED_COLOR = 'var(--chart-muted, #6b7280)';

/** The colour of the series at `index`: its own `color` if given, else the palette's, cycling. */
export function seriesColor(index: number, color?: string): string {
  return color ?? SERIES[index % SERIES.length];
}
