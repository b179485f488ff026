import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { PlanSession } from '../../src/app/session.svelte';
import { Simulation } from '../../src/app/simulation.svelte';
import type { SimulationPool } from '../../src/engine/pool';
import App from '../../src/ui/App.svelte';

/** Workers do not exist in jsdom: a pool that must not be reached in these tests. */
const noPool = (): SimulationPool => {
  throw new Error('no simulation in the first-screen tests');
};

function renderApp() {
  const session = new PlanSession(null);
  const simulation = new Simulation(noPool);
  const view = render(App, { props: { session, simulation, locale: 'en' } });
  return { session, ...view };
}

const npv = () => screen.getByTestId('kpi-npv').textContent;
const firstProfitPath = (container: HTMLElement) =>
  container.querySelector('[data-testid="profit-chart"] path[data-series]')!.getAttribute('d');

describe('first screen', () => {
  it('shows the seed example: name, key figures, both charts, sources', () => {
    const { container } = renderApp();
    expect(screen.getByTestId('plan-name')).toHaveTextContent('Seed example');
    expect(npv()).toMatch(/^\$[\d,]+$/);
    expect(container.querySelectorAll('[data-testid="customers-chart"] path[data-series]')).toHaveLength(2);
    expect(container.querySelectorAll('[data-testid="profit-chart"] path[data-series]')).toHaveLength(3);
    expect(screen.getByText(/Where the numbers come from/)).toBeInTheDocument();
    expect(screen.getByText('Loyalty card vs baseline')).toBeInTheDocument();
  });

  it('follows an edited input at once', async () => {
    const { container, session } = renderApp();
    const before = { npv: npv(), path: firstProfitPath(container) };
    await fireEvent.input(screen.getByLabelText('Loyal customers at start'), { target: { value: '500' } });
    flushSync();
    expect(session.plan.params.loyalStart).toBe(500);
    expect(npv()).not.toBe(before.npv);
    expect(firstProfitPath(container)).not.toBe(before.path);
  });

  it('refuses a bad value with a message, keeps what was typed and the last good plan', async () => {
    const { session } = renderApp();
    const input = screen.getByLabelText('Loyal customers at start') as HTMLInputElement;
    const before = npv();
    await fireEvent.input(input, { target: { value: '-20' } });
    flushSync();
    expect(screen.getByRole('alert')).toHaveTextContent('must be at least 0');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input.value).toBe('-20');
    expect(session.plan.params.loyalStart).toBe(200);
    expect(npv()).toBe(before);
  });

  it('reads percentages as percentages', async () => {
    const { session } = renderApp();
    await fireEvent.input(screen.getByLabelText('Gross margin'), { target: { value: '55' } });
    flushSync();
    expect(session.plan.params.grossMargin).toBeCloseTo(0.55, 12);
  });

  it('undoes and redoes an edit', async () => {
    const { session } = renderApp();
    await fireEvent.input(screen.getByLabelText('Loyal customers at start'), { target: { value: '300' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(session.plan.params.loyalStart).toBe(200);
    await fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(session.plan.params.loyalStart).toBe(300);
  });

  it('switches churn entry without changing what the plan means', async () => {
    const { session } = renderApp();
    const before = session.projection.scenarios[0].summary.npv;
    await fireEvent.change(screen.getByLabelText('Enter churn as'), { target: { value: 'monthlyChurn' } });
    expect(session.plan.churnEntry).toBe('monthlyChurn');
    expect(session.plan.params.satisfiedChurn).toBeCloseTo(1 - 0.4 ** (1 / 12), 12);
    // A range keeps its 90% bounds on the new scale (retention 75–92% a year is churn 0.69–2.37% a month) …
    expect(session.plan.params.loyalChurn).toEqual({
      dist: 'range90',
      low: expect.closeTo(1 - 0.92 ** (1 / 12), 12),
      high: expect.closeTo(1 - 0.75 ** (1 / 12), 12),
    });
    // … but its distribution is fitted on that scale, so its expected value moves a little.
    expect(Math.abs(session.projection.scenarios[0].summary.npv / before - 1)).toBeLessThan(0.01);
  });

  it("shows each programme's extra cumulative profit over the baseline", async () => {
    const { container } = renderApp();
    await fireEvent.click(screen.getByRole('button', { name: 'Extra vs baseline' }));
    const series = [...container.querySelectorAll('[data-testid="profit-chart"] path[data-series]')];
    expect(series.map((path) => path.getAttribute('data-series'))).toEqual(['card', 'club']);
    expect(screen.getByRole('heading', { name: 'Extra cumulative profit over the baseline' })).toBeInTheDocument();
  });

  it('shows a plan with only a baseline and no programme', () => {
    const { session, container } = renderApp();
    const plan = session.plan;
    session.open({ ...plan, programmes: [], scenarios: [plan.scenarios[0]] });
    flushSync();
    expect(container.querySelectorAll('[data-testid="profit-chart"] path[data-series]')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Extra vs baseline' })).toBeNull();
    expect(screen.queryByText(/vs baseline$/)).toBeNull();
    expect(npv()).toMatch(/^\$[\d,]+$/);
  });

  it('opens another preset', async () => {
    renderApp();
    await fireEvent.change(screen.getByLabelText('Open a preset'), { target: { value: 'cafe' } });
    expect(screen.getByTestId('plan-name')).toHaveTextContent('Neighbourhood café');
    expect(npv()).toMatch(/^€[\d,]+$/);
  });
});
