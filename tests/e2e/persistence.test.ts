/**
 * Plans kept in the browser: an edit survives a reload, a second tab follows the first, a
 * damaged stored plan is reported and kept, a refused value is never saved.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectNoConsoleErrors, openApp, saveScreenshot, useBrowser } from './browser';

useBrowser();

const SETTLE = { timeout: 20_000, interval: 100 };

const loyalAtStart = (page: Page) => page.getByLabel('Loyal customers at start', { exact: true });

async function opened(page: Page, name = 'Seed example'): Promise<void> {
  await expect.poll(() => page.getByTestId('plan-name').textContent(), SETTLE).toContain(name);
}

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-state').textContent(), SETTLE).toBe('Saved');
}

test('an edit survives a reload', async () => {
  const page = await openApp();
  await opened(page);
  await loyalAtStart(page).fill('321');
  await saved(page);
  await page.reload();
  await opened(page);
  await expect.poll(() => loyalAtStart(page).inputValue(), SETTLE).toBe('321');
  expectNoConsoleErrors(page);
});

test('a second tab opens the same plan and follows edits made in the first', async () => {
  const first = await openApp();
  await opened(first);
  await loyalAtStart(first).fill('222');
  await saved(first);

  const second = await first.context().newPage();
  await second.goto(first.url());
  await opened(second);
  await expect.poll(() => loyalAtStart(second).inputValue(), SETTLE).toBe('222');

  await loyalAtStart(first).fill('333');
  await saved(first);
  await expect.poll(() => loyalAtStart(second).inputValue(), SETTLE).toBe('333');
  await expect.poll(() => second.getByText(/changed in another tab/).isVisible(), SETTLE).toBe(true);
  expectNoConsoleErrors(first);
});

test('a refused value is shown as a problem and never saved', async () => {
  const page = await openApp();
  await opened(page);
  await loyalAtStart(page).fill('250');
  await saved(page);
  await loyalAtStart(page).fill('-4');
  await expect.poll(() => page.getByRole('alert').first().textContent(), SETTLE).toContain('must be at least 0');
  await page.reload();
  await opened(page);
  await expect.poll(() => loyalAtStart(page).inputValue(), SETTLE).toBe('250');
  expectNoConsoleErrors(page);
});

test('a damaged stored plan is reported, kept as it was, and the seed example opens', async () => {
  const page = await openApp();
  await opened(page);
  await saved(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('loyalty-lab');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['plans', 'meta'], 'readwrite');
          tx.objectStore('plans').put({
            id: 'damaged',
            plan: { schemaVersion: 1, name: 'Broken', currency: 'EURO', params: { loyalStart: -1 } },
            updatedAt: 1,
          });
          tx.objectStore('meta').put('damaged', 'lastPlanId');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await opened(page);
  const notice = page.getByRole('alert');
  await expect.poll(() => notice.first().textContent(), SETTLE).toContain('could not be opened');
  expect(await notice.first().textContent()).toContain('Currency');
  await saveScreenshot(page, 'damaged-plan');
  const kept = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const request = indexedDB.open('loyalty-lab');
        request.onsuccess = () => {
          const get = request.result.transaction('plans').objectStore('plans').get('damaged');
          get.onsuccess = () => resolve(get.result?.plan?.name);
        };
      }),
  );
  expect(kept).toBe('Broken');
});

test('downloads the plan as a file and opens it again; a bad file changes nothing', async () => {
  const page = await openApp();
  await opened(page);
  await loyalAtStart(page).fill('345');
  await saved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download plan' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('seed-example.loyalty.json');
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).params.loyalStart).toBe(345);

  const input = page.getByTestId('open-plan-file');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "schemaVersion": 1, "name": 3 }') });
  await expect.poll(() => page.getByRole('alert').first().textContent(), SETTLE).toContain('broken.json could not be opened');
  expect(await loyalAtStart(page).inputValue()).toBe('345');

  await page.getByLabel('Open a preset').selectOption('cafe');
  await opened(page, 'Neighbourhood café');
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await opened(page, 'Seed example');
  await expect.poll(() => loyalAtStart(page).inputValue(), SETTLE).toBe('345');
  expectNoConsoleErrors(page);
});
