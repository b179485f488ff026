/**
 * The chart components in jsdom: structure (one path per series, formatted axis labels, legend,
 * tooltip on pointer and keys, bar counts, tornado order) and a stored SVG snapshot of each.
 * jsdom has no layout, so every chart measures 0 px and draws at its fallback `width` (640 by
 * default) and its `height`, and LayerCake's pointer() measures from (0, 0).
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FanChart from '../../src/charts/FanChart.svelte';
import Histogram from '../../src/charts/Histogram.svelte';
import TimeSeriesChart from '../../src/charts/TimeSeriesChart.svelte';
import Tornado from '../../src/charts/Tornado.svelte';
import { binValues, histogramBars } from '../../src/charts/histogram';

/**
 * The svg's markup for a snapshot: numbers inside attributes rounded to one decimal (so float
 * noise doesn't churn snapshots), Svelte's comment anchors and scoped-style class hashes dropped.
 */
function snapshotSvg(svg: Element): string {
  const round = (n: string) => String(Math.round(Number(n) * 10) / 10);
  return svg.outerHTML
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s*svelte-[a-z0-9]+/g, '')
    .replace(/ class=""/g, '')
    .replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/-?\d*\.\d+(e-?\d+)?/g, round)}"`)
    .replace(/></g, '>\n<');
}

const formatValue = (n: number) =>
  `€${Math.abs(n) >= 1000 ? `${Math.round(n / 100) / 10}k` : Math.round(n)}`;
const formatMonth = (m: number) => `M${m}`;
const formatYear = (y: number) => `Y${y}`;
const months = (n: number, f: (m: number) => number) => Array.from({ length: n }, (_, i) => f(i + 1));

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim());

function timeSeriesProps(overrides: Record<string, unknown> = {}) {
  return {
    series: [
      { id: 'loyal', label: 'Loyal', values: months(60, (m) => 1000 + 40 * m) },
      { id: 'satisfied', label: 'Satisfied', values: months(60, (m) => 2000 - 10 * m) },
      { id: 'at-risk', label: 'At risk', values: months(60, (m) => 500 + 100 * Math.sin(m / 6)) },
    ],
    mode: 'line' as const,
    formatValue,
    formatMonth,
    formatYear,
    title: 'Customers by segment',
    testid: 'customers-chart',
    ...overrides,
  };
}

describe('TimeSeriesChart', () => {
  it('draws one path per series, value and year axes, a legend and a yearly table', () => {
    const { container } = render(TimeSeriesChart, { props: timeSeriesProps() });
    const svg = screen.getByTestId('customers-chart');
    expect(svg.tagName).toBe('svg');
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg).toHaveAttribute('aria-label', 'Customers by segment');
    expect(svg.querySelector('title')).toHaveTextContent('Customers by segment');
    expect(svg).toHaveAttribute('width', '640');
    expect(svg).toHaveAttribute('height', '260');

    for (const id of ['loyal', 'satisfied', 'at-risk']) {
      expect(svg.querySelector(`path[data-series="${id}"]`)?.getAttribute('d')).toMatch(/^M[\d.]+,/);
    }
    const yLabels = texts(svg, '.axis-y text');
    expect(yLabels.length).toBeGreaterThanOrEqual(3);
    for (const label of yLabels) expect(label).toMatch(/^€[\d.]+k?$/);
    expect(texts(svg, '.axis-x text')).toEqual(['Y1', 'Y2', 'Y3', 'Y4', 'Y5']);
    expect(texts(container, '.chart-legend li')).toEqual(['Loyal', 'Satisfied', 'At risk']);

    const table = container.querySelector('table')!;
    expect(table.querySelector('caption')).toHaveTextContent('Customers by segment');
    expect(texts(table, 'tbody th')).toEqual(['M12', 'M24', 'M36', 'M48', 'M60']);
    expect(texts(table, 'tbody tr:first-child td')).toEqual(['€1.5k', '€1.9k', '€591']);
  });

  it('labels months on short horizons and uses the fallback width', () => {
    const series = [{ id: 'cash', label: 'Cash', values: months(12, (m) => m * 10) }];
    render(TimeSeriesChart, { props: timeSeriesProps({ series, width: 480, height: 200 }) });
    const svg = screen.getByTestId('customers-chart');
    expect(svg).toHaveAttribute('width', '480');
    expect(svg).toHaveAttribute('height', '200');
    expect(texts(svg, '.axis-x text')).toEqual(['M1', 'M3', 'M6', 'M9', 'M12']);
  });

  it('shows a tooltip where the pointer is and hides it when a mouse leaves', async () => {
    const { container } = render(TimeSeriesChart, { props: timeSeriesProps() });
    const slider = screen.getByRole('slider', { name: 'Customers by segment' });
    expect(container.querySelector('.chart-tooltip')).toBeNull();

    await fireEvent.pointerMove(slider, { clientX: 10_000, clientY: 50 });
    const tooltip = container.querySelector('.chart-tooltip')!;
    expect(tooltip.querySelector('.heading')).toHaveTextContent('M60');
    expect(texts(tooltip, '.row')).toEqual(['Loyal €3.4k', 'Satisfied €1.4k', 'At risk €446']);
    expect(container.querySelectorAll('.crosshair circle')).toHaveLength(3);

    await fireEvent.pointerMove(slider, { clientX: 0, clientY: 50 });
    expect(container.querySelector('.chart-tooltip .heading')).toHaveTextContent('M1');

    await fireEvent.pointerLeave(slider, { pointerType: 'mouse' });
    expect(container.querySelector('.chart-tooltip')).toBeNull();
  });

  it('moves the crosshair with arrow keys and speaks it as the slider value', async () => {
    const { container } = render(TimeSeriesChart, { props: timeSeriesProps() });
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('tabindex', '0');

    slider.focus();
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(container.querySelector('.chart-tooltip .heading')).toHaveTextContent('M1');
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider).toHaveAttribute('aria-valuenow', '2');
    expect(slider).toHaveAttribute(
      'aria-valuetext',
      'M2: Loyal €1.1k, Satisfied €2k, At risk €533',
    );
    await fireEvent.keyDown(slider, { key: 'End' });
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(container.querySelector('.chart-tooltip .heading')).toHaveTextContent('M59');

    await fireEvent.keyDown(slider, { key: 'Escape' });
    expect(container.querySelector('.chart-tooltip')).toBeNull();
  });

  it('marks a highlighted month and the zero line when values cross 0', () => {
    const values = months(36, (m) => -5000 + 300 * m);
    const series = [{ id: 'cash', label: 'Cumulative cash', values }];
    const { container } = render(TimeSeriesChart, {
      props: timeSeriesProps({ series, highlightMonth: 17, highlightLabel: 'Payback', zeroLine: true }),
    });
    expect(container.querySelector('.rule.highlight text')).toHaveTextContent('Payback');
    expect(container.querySelectorAll('line.rule-y')).toHaveLength(1);
    expect(snapshotSvg(screen.getByTestId('customers-chart'))).toMatchSnapshot();
  });

  it('leaves out the zero line unless asked', () => {
    const series = [{ id: 'cash', label: 'Cash', values: months(36, (m) => -5000 + 300 * m) }];
    const { container } = render(TimeSeriesChart, { props: timeSeriesProps({ series }) });
    expect(container.querySelector('line.rule-y')).toBeNull();
  });

  it('stacks areas in stacked mode', () => {
    render(TimeSeriesChart, { props: timeSeriesProps({ mode: 'stacked' }) });
    const svg = screen.getByTestId('customers-chart');
    expect(svg.querySelectorAll('path.area[data-series]')).toHaveLength(3);
    // The stack reaches the sum of the last month: 3400 + 1400 + 446.
    expect(Math.max(...texts(svg, '.axis-y text').map((t) => parseFloat(t!.slice(1))))).toBe(6);
    expect(snapshotSvg(svg)).toMatchSnapshot();
  });

  it('matches its snapshot as lines', () => {
    render(TimeSeriesChart, { props: timeSeriesProps() });
    expect(snapshotSvg(screen.getByTestId('customers-chart'))).toMatchSnapshot();
  });
});

describe('FanChart', () => {
  const fan = (id: string, label: string, centre: (m: number) => number, spread: number) => ({
    id,
    label,
    p5: months(24, (m) => centre(m) - 2 * spread * m),
    p25: months(24, (m) => centre(m) - spread * m),
    p50: months(24, centre),
    p75: months(24, (m) => centre(m) + spread * m),
    p95: months(24, (m) => centre(m) + 2 * spread * m),
  });
  const props = {
    series: [
      fan('with', 'With programme', (m) => 100 * m, 8),
      fan('without', 'Without', (m) => 60 * m, 5),
    ],
    formatValue,
    formatMonth,
    legendLabels: { median: 'Median', inner: '50% of outcomes', outer: '90% of outcomes' },
    title: 'Cumulative profit',
    testid: 'fan-chart',
  };

  it('draws both bands and the median per series, with a legend of series and bands', () => {
    const { container } = render(FanChart, { props });
    const svg = screen.getByTestId('fan-chart');
    expect(svg).toHaveAttribute('aria-label', 'Cumulative profit');
    for (const id of ['with', 'without']) {
      expect(svg.querySelector(`path[data-series="${id}"]`)?.getAttribute('d')).toMatch(/^M/);
    }
    expect(svg.querySelectorAll('.fan .outer')).toHaveLength(2);
    expect(svg.querySelectorAll('.fan .inner')).toHaveLength(2);
    expect(texts(svg, '.axis-x text')).toEqual(['M1', 'M6', 'M12', 'M18', 'M24']);
    expect(texts(container, '.chart-legend li')).toEqual([
      'With programme',
      'Without',
      'Median',
      '50% of outcomes',
      '90% of outcomes',
    ]);
    expect(texts(container, 'tbody th')).toEqual(['M12', 'M24']);
    expect(snapshotSvg(svg)).toMatchSnapshot();
  });

  it('shows the median and 90% range of the hovered month', async () => {
    const { container } = render(FanChart, { props });
    await fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    await fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    const tooltip = container.querySelector('.chart-tooltip')!;
    expect(tooltip.querySelector('.heading')).toHaveTextContent('M2');
    expect(texts(tooltip, '.row')).toEqual(['With programme €200', 'Without €120']);
    expect(texts(tooltip, '.detail')).toEqual([
      '90% of outcomes: €168 – €232',
      '90% of outcomes: €100 – €140',
    ]);
  });

  it('lets a single series colour the band legend', () => {
    const { container } = render(FanChart, { props: { ...props, series: [props.series[0]] } });
    const legend = texts(container, '.chart-legend li');
    expect(legend).toEqual(['Median', '50% of outcomes', '90% of outcomes']);
  });
});

describe('Histogram', () => {
  // Deterministic stand-in for simulated NPVs: mostly positive, with a loss tail.
  const npv = Array.from(
    { length: 2000 },
    (_, i) => 4000 * Math.sin(i * 1.7) + 1500 * Math.cos(i * 0.3) + 1200,
  );
  const bins = binValues(npv, 20);
  const props = {
    bins,
    markers: [
      { value: 0, label: 'Break-even' },
      { value: 1200, label: 'Mean' },
    ],
    formatValue,
    countLabel: 'Trials',
    title: 'Incremental NPV',
    testid: 'npv-histogram',
  };

  it('draws a bar per bin side of zero, coloured by sign, with labelled markers', () => {
    const { container } = render(Histogram, { props });
    const svg = screen.getByTestId('npv-histogram');
    const bars = svg.querySelectorAll('rect.bar');
    expect(bars).toHaveLength(histogramBars(bins).length);
    const negatives = [...bars].filter((bar) => bar.getAttribute('style')?.includes('--chart-negative'));
    expect(negatives).toHaveLength(histogramBars(bins).filter((b) => b.negative).length);
    expect(negatives.length).toBeGreaterThan(0);
    expect(texts(svg, '.rule text')).toEqual(['Break-even', 'Mean']);
    for (const label of texts(svg, '.axis-x text')) expect(label).toMatch(/^€-?[\d.]+k?$/);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(bins.length);
    expect(snapshotSvg(svg)).toMatchSnapshot();
  });

  it('puts close marker labels on separate rows', () => {
    const markers = [
      { value: 0, label: 'Break-even' },
      { value: 100, label: 'Mean' },
    ];
    render(Histogram, { props: { ...props, markers } });
    const labels = screen.getByTestId('npv-histogram').querySelectorAll('.rule text');
    expect([...labels].map((t) => t.getAttribute('y'))).toEqual(['-6', '-21']);
  });
});

describe('Tornado', () => {
  const props = {
    rows: [
      { id: 'churn', label: 'Monthly churn', low: 90_000, high: 130_000 },
      { id: 'price', label: 'Price', low: 60_000, high: 170_000 },
      { id: 'referrals', label: 'Referral rate', low: 105_000, high: 118_000 },
      { id: 'cost', label: 'Programme cost', low: 125_000, high: 95_000 },
    ],
    base: 110_000,
    formatValue,
    lowLabel: 'Input at its low end',
    highLabel: 'Input at its high end',
    title: 'What moves NPV most',
    testid: 'tornado',
  };

  it('sorts rows by swing, draws both ends per row and a base rule', () => {
    const { container } = render(Tornado, { props });
    const svg = screen.getByTestId('tornado');
    const rows = [...svg.querySelectorAll('g.row')];
    expect(rows.map((r) => r.getAttribute('data-row'))).toEqual(['price', 'churn', 'cost', 'referrals']);
    const bySwing = ['Price', 'Monthly churn', 'Programme cost', 'Referral rate'];
    expect(texts(svg, 'text.label')).toEqual(bySwing);
    expect(svg.querySelectorAll('rect.bar.low')).toHaveLength(4);
    expect(svg.querySelectorAll('rect.bar.high')).toHaveLength(4);
    expect(texts(svg, '.rule.base text')).toEqual(['€110k']);
    const legend = texts(container, '.chart-legend li');
    expect(legend).toEqual(['Input at its low end', 'Input at its high end']);
    expect(texts(container, 'tbody th')).toEqual(bySwing);
    // 44 px per row (the name above its bar) plus 34 + 30 for the base label and the axis.
    expect(svg).toHaveAttribute('height', String(4 * 44 + 64));
    expect(snapshotSvg(svg)).toMatchSnapshot();
  });
});
