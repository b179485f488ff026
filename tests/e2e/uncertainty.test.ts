/**
 * Entering uncertainty in the real browser: a fixed input becomes a PERT through the editor,
 * the plan takes it, and the simulation draws it.
 */
import { expect, test } from 'vitest';
import { expectNoConsoleErrors, openApp, saveScreenshot, useBrowser } from './browser';

useBrowser();

const SETTLE = { timeout: 20_000, interval: 100 };

test('turns a fixed input into a PERT and simulates it', async () => {
  const page = await openApp();
  await expect.poll(() => page.getByTestId('plan-name').textContent(), SETTLE).toContain('Seed example');
  await page.getByRole('button', { name: /^Uncertainty of Gross margin:/ }).click();
  const editor = page.getByRole('group', { name: 'How sure are you of “Gross margin”?' });
  await editor.getByLabel('Describe it as').selectOption('pert');
  await expect.poll(() => editor.getByTestId('distribution-preview').textContent(), SETTLE).toMatch(/9 times out of 10/);
  await editor.scrollIntoViewIfNeeded();
  await page.locator('aside').screenshot({ path: 'test-results/uncertainty-editor.png' });
  await saveScreenshot(page, 'uncertainty-editor-page');
  await page.keyboard.press('Escape');
  await expect.poll(() => editor.count(), SETTLE).toBe(0);

  await page.getByTestId('run-simulation').click();
  await expect.poll(() => page.getByTestId('prob-roi-club').textContent(), SETTLE).toMatch(/^\d+%$/);
  const tornado = page.locator('[data-testid="tornado"]');
  await expect.poll(() => tornado.textContent(), SETTLE).toContain('Gross margin');
  expectNoConsoleErrors(page);
});
