/**
 * The first screen: the app opens on the "Seed example" plan, draws its charts, and redraws
 * them when an input changes. Written to the UI contract (data-testid and label names).
 */
import type { Locator } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { expectNoConsoleErrors, openApp, saveScreenshot, useBrowser } from './browser';

useBrowser();

/** The app computes in workers; give it time on a slow machine, within the 60 s test timeout. */
const SETTLE = { timeout: 20_000, interval: 100 };

test('the built app is served: index.html and its scripts, as JavaScript', async () => {
  expect(inject('buildError')).toBe('');
  const baseUrl = inject('baseUrl');
  const index = await fetch(baseUrl);
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toMatch(/^text\/html/);

  // Module scripts (and module workers) are refused by the browser unless served as JavaScript.
  const html = await index.text();
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const response = await fetch(new URL(script, baseUrl));
    expect(response.status, script).toBe(200);
    expect(response.headers.get('content-type'), script).toMatch(/^(text|application)\/javascript/);
  }
});

test('opens on the seed example, draws both charts, and redraws them when an input changes', async () => {
  const page = await openApp();

  // 1. The seed plan is open.
  const planName = page.locator('[data-testid="plan-name"]');
  await expect.poll(() => planName.textContent(), SETTLE).toContain('Seed example');

  // 2. Both charts are SVG with drawn series; the profit chart has one series per scenario.
  const customersChart = page.locator('[data-testid="customers-chart"]');
  const profitChart = page.locator('[data-testid="profit-chart"]');
  await expect.poll(() => seriesPaths(customersChart), SETTLE).toContainEqual(drawn());
  await expect.poll(() => seriesPaths(profitChart), SETTLE).toContainEqual(drawn());
  expect(await tagName(customersChart)).toBe('svg');
  expect(await tagName(profitChart)).toBe('svg');
  const profitSeries = await seriesPaths(profitChart);
  expect(profitSeries.every((path) => path.d.trim() !== '')).toBe(true);
  const scenarios = profitSeries.map((path) => path.series);
  expect(new Set(scenarios).size, `series ${scenarios.join(', ')}`).toBe(scenarios.length);

  // 3. Editing "loyal customers at start" redraws the profit chart and changes the NPV.
  const firstProfitPath = profitChart.locator('path[data-series]').first();
  const npv = page.locator('[data-testid="kpi-npv"]');
  const dBefore = await settled(() => firstProfitPath.getAttribute('d'));
  const npvBefore = await settled(() => npv.textContent());

  const loyalAtStart = page
    .getByLabel(/loyal customers at start/i)
    .and(page.locator('input[type="number"]'));
  const newValue = (await loyalAtStart.inputValue()) === '500' ? '600' : '500';
  await loyalAtStart.fill(newValue);
  await loyalAtStart.press('Tab');

  await expect.poll(() => firstProfitPath.getAttribute('d'), SETTLE).not.toBe(dBefore);
  await expect.poll(() => npv.textContent(), SETTLE).not.toBe(npvBefore);

  // 4. Nothing went wrong on the way.
  expectNoConsoleErrors(page);
  await saveScreenshot(page, 'first-screen');
});

interface SeriesPath {
  series: string;
  d: string;
}

function seriesPaths(chart: Locator): Promise<SeriesPath[]> {
  return chart.locator('path[data-series]').evaluateAll((paths) =>
    paths.map((path) => ({
      series: path.getAttribute('data-series') ?? '',
      d: path.getAttribute('d') ?? '',
    })),
  );
}

/** Matches a series path whose `d` draws something. */
function drawn() {
  return { series: expect.any(String), d: expect.stringMatching(/\S/) };
}

function tagName(locator: Locator): Promise<string> {
  return locator.evaluate((element) => element.tagName.toLowerCase());
}

/**
 * Waits until a value stops changing (same on two reads 300 ms apart) and returns it, so a
 * chart still animating or a result still arriving is not mistaken for the edit's effect.
 */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let previous = await read();
  await expect
    .poll(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const current = await read();
      const stable = current === previous;
      previous = current;
      return stable;
    }, SETTLE)
    .toBe(true);
  return previous;
}
