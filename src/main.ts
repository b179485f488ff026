import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './ui/theme.css';
import { mount } from 'svelte';
import { PlanSession } from './app/session.svelte';
import { Simulation } from './app/simulation.svelte';
import { createBrowserPool } from './engine/browser';
import type { SimulationPool } from './engine/pool';
import { pickLocale } from './i18n';
import { PlanStorage } from './storage/planStorage';
import App from './ui/App.svelte';

async function start(): Promise<void> {
  const storage = await PlanStorage.open().catch(() => null);
  const session = new PlanSession(storage);
  await session.restore();
  let pool: SimulationPool | undefined;
  const simulation = new Simulation(() => (pool ??= createBrowserPool()));
  const target = document.getElementById('app')!;
  target.replaceChildren();
  mount(App, { target, props: { session, simulation, locale: pickLocale(navigator.languages) } });
}

/** The benchmark page: no app, one line of JSON (read by `npm run bench -- --browser`). */
async function bench(params: URLSearchParams): Promise<void> {
  const target = document.getElementById('app')!;
  target.textContent = 'Running the Monte Carlo benchmark…';
  const { runBrowserBench } = await import('./benchMode');
  const result = await runBrowserBench(params);
  const output = document.createElement('pre');
  output.dataset.testid = 'bench-result';
  output.textContent = JSON.stringify(result);
  target.replaceChildren(output);
}

const params = new URLSearchParams(location.search);
void (params.has('bench') ? bench(params) : start());
