/**
 * The Monte Carlo run in the real browser: workers, progress, results, cancel, and a page that
 * never freezes (no main-thread task over 50 ms while the simulation runs).
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectNoConsoleErrors, openApp, saveScreenshot, useBrowser } from './browser';

useBrowser();

const SETTLE = { timeout: 30_000, interval: 100 };

/** Starts recording main-thread tasks longer than 50 ms (the Long Tasks API). */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

async function setTrials(page: Page, trials: number): Promise<void> {
  const input = page.getByLabel('Trials', { exact: true });
  await input.fill(String(trials));
  await input.press('Enter');
  await input.blur();
}

test('runs the simulation in workers and shows the risk without freezing the page', async () => {
  const page = await openApp();
  await expect.poll(() => page.locator('[data-testid="plan-name"]').textContent(), SETTLE).toContain('Seed example');
  await setTrials(page, 5000);
  await recordLongTasks(page);

  await page.getByTestId('run-simulation').click();
  const probability = page.getByTestId('prob-roi-club');
  await expect.poll(() => probability.textContent(), SETTLE).toMatch(/^\d+%$/);
  await expect.poll(() => page.getByTestId('run-simulation').isVisible(), SETTLE).toBe(true);

  // The charts mount one task after another (the page stays responsive): wait for each.
  for (const chart of ['fan-profit', 'fan-customers', 'histogram-incremental-npv', 'tornado']) {
    await expect.poll(() => page.locator(`[data-testid="${chart}"]`).count(), SETTLE).toBe(1);
  }
  expect(await page.locator('[data-testid="fan-profit"] path[data-series]').count()).toBe(3);
  expect(await page.locator('[data-testid="tornado"] [data-row]').count()).toBeGreaterThan(0);
  expect(await longTasks(page), 'main-thread tasks over 50 ms during the run').toEqual([]);
  await saveScreenshot(page, 'risk');
  expectNoConsoleErrors(page);
});

test('cancels a run, then runs again', async () => {
  const page = await openApp();
  await expect.poll(() => page.locator('[data-testid="plan-name"]').textContent(), SETTLE).toContain('Seed example');
  await setTrials(page, 200000);
  await page.getByTestId('run-simulation').click();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await cancel.click();
  await expect.poll(() => page.getByText('Simulation cancelled.').isVisible(), SETTLE).toBe(true);

  await setTrials(page, 1000);
  await page.getByTestId('run-simulation').click();
  await expect.poll(() => page.getByTestId('prob-roi-card').textContent(), SETTLE).toMatch(/^\d+%$/);
  expectNoConsoleErrors(page);
});

test('a quick simulation follows an edit by itself', async () => {
  const page = await openApp();
  await expect.poll(() => page.locator('[data-testid="plan-name"]').textContent(), SETTLE).toContain('Seed example');
  await setTrials(page, 1000);
  await page.getByTestId('run-simulation').click();
  const probability = page.getByTestId('prob-roi-club');
  await expect.poll(() => probability.textContent(), SETTLE).toMatch(/^\d+%$/);
  await expect.poll(() => page.getByText('Re-runs by itself as you edit.').isVisible(), SETTLE).toBe(true);

  // A lower margin changes what the club's extra customers are worth: the chance it pays moves
  // without pressing Run again.
  const before = await probability.textContent();
  const margin = page.getByLabel('Gross margin', { exact: true });
  await margin.fill('20');
  await expect.poll(() => probability.textContent(), SETTLE).not.toBe(before);
  expectNoConsoleErrors(page);
});
