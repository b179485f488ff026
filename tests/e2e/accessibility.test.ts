/**
 * Automated accessibility checks (axe-core) on the first screen, the uncertainty editor and
 * the risk results: no serious or critical violation. A check, not a proof: keyboard use and
 * reading order are tested by hand and by the component tests.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openApp, useBrowser } from './browser';

useBrowser();

const SETTLE = { timeout: 20_000, interval: 100 };

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test('the first screen, the uncertainty editor and the risk results pass axe', async () => {
  const page = await openApp();
  await expect.poll(() => page.getByTestId('plan-name').textContent(), SETTLE).toContain('Seed example');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /^Uncertainty of Gross margin:/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('run-simulation').click();
  await expect.poll(() => page.getByTestId('prob-roi-club').textContent(), SETTLE).toMatch(/^\d+%$/);
  expect(await seriousViolations(page)).toEqual([]);
});
