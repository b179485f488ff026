import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { PlanSession } from '../../src/app/session.svelte';
import { Simulation } from '../../src/app/simulation.svelte';
import type { SimulationPool } from '../../src/engine/pool';
import App from '../../src/ui/App.svelte';

/** Workers do not exist in jsdom: a pool that must not be reached in these tests. */
const noPool = (): SimulationPool => {
  throw new Error('no simulation in the input tests');
};

function renderApp() {
  const session = new PlanSession(null);
  const view = render(App, { props: { session, simulation: new Simulation(noPool), locale: 'en' } });
  return { session, ...view };
}

const toggle = (label: string) =>
  screen.getByRole('button', { name: new RegExp(`^Uncertainty of ${label}:`) }) as HTMLButtonElement;
const editor = (label: string) => screen.getByRole('group', { name: `How sure are you of “${label}”?` });
const queryEditor = (label: string) => screen.queryByRole('group', { name: `How sure are you of “${label}”?` });

async function openEditor(label: string) {
  await fireEvent.click(toggle(label));
  flushSync();
  return within(editor(label));
}

async function choose(panel: ReturnType<typeof within>, form: string) {
  await fireEvent.change(panel.getByLabelText('Describe it as'), { target: { value: form } });
  flushSync();
}

const numberIn = (panel: ReturnType<typeof within>, name: string) => panel.getByLabelText(name) as HTMLInputElement;

describe('uncertainty editor', () => {
  it('opens below the field with the form selected and focused', async () => {
    renderApp();
    const button = toggle('Loyal customers at start');
    expect(button).toHaveTextContent('fixed');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const panel = await openEditor('Loyal customers at start');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', editor('Loyal customers at start').id);
    const select = panel.getByLabelText('Describe it as') as HTMLSelectElement;
    expect(select).toHaveFocus();
    expect(select.value).toBe('fixed');
    // A count offers a lognormal, not a beta.
    expect([...select.options].map((option) => option.value)).toEqual([
      'fixed', 'range90', 'lognormal', 'uniform', 'triangular', 'pert', 'normal',
    ]);
    expect(panel.getByTestId('distribution-preview')).toHaveTextContent('Expected value 200');
  });

  it('switches a fixed number to PERT around it, and applies an edit at once', async () => {
    const { session } = renderApp();
    const panel = await openEditor('Loyal customers at start');
    await choose(panel, 'pert');
    expect(session.plan.params.loyalStart).toEqual({ dist: 'pert', min: 150, mode: 200, max: 250 });
    expect(numberIn(panel, 'Minimum').value).toBe('150');
    expect(numberIn(panel, 'Most likely').value).toBe('200');
    expect(numberIn(panel, 'Maximum').value).toBe('250');
    expect(toggle('Loyal customers at start')).toHaveTextContent('PERT');
    const preview = panel.getByTestId('distribution-preview');
    expect(preview).toHaveTextContent('Expected value 200');
    expect(preview).toHaveTextContent(/9 times out of 10 between 1\d\d and 2\d\d/);
    expect(preview.querySelector('path')?.getAttribute('d')).toMatch(/^M0,32L/);
    // The field itself now shows a summary instead of its number input.
    expect(screen.queryByRole('spinbutton', { name: 'Loyal customers at start' })).toBeNull();
    expect(screen.getByLabelText('Loyal customers at start')).toHaveTextContent(/^expected 200, between 1\d\d and 2\d\d$/);

    await fireEvent.input(numberIn(panel, 'Maximum'), { target: { value: '400' } });
    flushSync();
    expect(session.plan.params.loyalStart).toEqual({ dist: 'pert', min: 150, mode: 200, max: 400 });
    expect(panel.queryByRole('alert')).toBeNull();
  });

  it('refuses a most likely value outside [minimum, maximum] with a message and keeps the plan', async () => {
    const { session } = renderApp();
    const panel = await openEditor('Loyal customers at start');
    await choose(panel, 'pert');
    const before = session.plan;
    const mode = numberIn(panel, 'Most likely');
    await fireEvent.input(mode, { target: { value: '300' } });
    flushSync();
    expect(panel.getByRole('alert')).toHaveTextContent(
      'the most likely value must lie between the minimum and the maximum',
    );
    expect(mode.value).toBe('300');
    expect(mode).toHaveAttribute('aria-invalid', 'true');
    expect(session.plan).toBe(before);

    await fireEvent.input(mode, { target: { value: '' } });
    flushSync();
    expect(panel.getByRole('alert')).toHaveTextContent('must be a number');
    expect(session.plan).toBe(before);
  });

  it('enters a share as a beta in percent, and back to its expected value', async () => {
    const { session } = renderApp();
    const panel = await openEditor('Gross margin');
    expect([...(panel.getByLabelText('Describe it as') as HTMLSelectElement).options].map((o) => o.value)).toContain(
      'beta',
    );
    await choose(panel, 'beta');
    expect(session.plan.params.grossMargin).toEqual({ dist: 'beta', mean: 0.4, concentration: 63.9 });
    const mean = numberIn(panel, 'Average');
    expect(mean.value).toBe('40');
    expect(mean.parentElement).toHaveTextContent('%');
    expect(numberIn(panel, 'Certainty').parentElement).not.toHaveTextContent('%');

    await fireEvent.input(mean, { target: { value: '35' } });
    flushSync();
    expect(session.plan.params.grossMargin).toEqual({ dist: 'beta', mean: 0.35, concentration: 63.9 });

    await choose(panel, 'fixed');
    expect(session.plan.params.grossMargin).toBeCloseTo(0.35, 12);
    expect((screen.getByLabelText('Gross margin') as HTMLInputElement).value).toBe('35');
    expect(toggle('Gross margin')).toHaveTextContent('fixed');
  });

  it('keeps a 90% range inline and offers its other forms', async () => {
    const { session } = renderApp();
    const label = 'Loyal customers still buying after a year';
    expect(toggle(label)).toHaveTextContent('range');
    expect(screen.getByLabelText(`${label} — low end (5th percentile)`)).toHaveValue(75);
    const panel = await openEditor(label);
    expect(numberIn(panel, 'Low end').value).toBe('75');
    await choose(panel, 'uniform');
    expect(session.plan.params.loyalChurn).toEqual({ dist: 'uniform', min: 0.75, max: 0.92 });
    expect(screen.queryByLabelText(`${label} — low end (5th percentile)`)).toBeNull();
  });

  it('converts from what was entered, so stepping through the forms loses nothing', async () => {
    const { session } = renderApp();
    const panel = await openEditor('Loyal customers still buying after a year');
    for (const form of ['fixed', 'lognormal', 'beta', 'normal', 'range90']) await choose(panel, form);
    expect(session.plan.params.loyalChurn).toEqual({ dist: 'range90', low: 0.75, high: 0.92 });
    // An edit is what the next switch starts from.
    await fireEvent.input(numberIn(panel, 'High end'), { target: { value: '95' } });
    await choose(panel, 'uniform');
    expect(session.plan.params.loyalChurn).toEqual({ dist: 'uniform', min: 0.75, max: 0.95 });
  });

  it('closes on Escape and gives the focus back to its button', async () => {
    renderApp();
    const panel = await openEditor('Loyal customers at start');
    await fireEvent.keyDown(panel.getByLabelText('Describe it as'), { key: 'Escape' });
    flushSync();
    expect(queryEditor('Loyal customers at start')).toBeNull();
    expect(toggle('Loyal customers at start')).toHaveFocus();
    expect(toggle('Loyal customers at start')).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes with Done, and on a click outside the field', async () => {
    renderApp();
    let panel = await openEditor('Gross margin');
    await fireEvent.click(panel.getByRole('button', { name: 'Done' }));
    flushSync();
    expect(queryEditor('Gross margin')).toBeNull();
    expect(toggle('Gross margin')).toHaveFocus();

    panel = await openEditor('Gross margin');
    // A click inside the field (its number, the editor) leaves it open …
    await fireEvent.pointerDown(screen.getByLabelText('Gross margin'));
    await fireEvent.pointerDown(panel.getByText('Describe it as'));
    flushSync();
    expect(queryEditor('Gross margin')).not.toBeNull();
    // … one elsewhere closes it.
    await fireEvent.pointerDown(screen.getByTestId('plan-name'));
    flushSync();
    expect(queryEditor('Gross margin')).toBeNull();
  });
});
