/**
 * Self-test of the e2e harness; needs no app, so it passes before the UI exists.
 * Whether the built app is served is checked in first-screen.test.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { newPage, pageErrors, saveScreenshot, useBrowser } from './browser';

useBrowser();

const SAMPLE = `<main>
  <h1>Harness check</h1>
  <label>Loyal customers at start <input type="number" value="120"></label>
  <svg data-testid="sample-chart" width="240" height="120">
    <path data-series="base" d="M0,100L240,20" stroke="teal" stroke-width="3" fill="none" />
  </svg>
</main>`;

test('renders HTML, finds it with locators and saves a screenshot', async () => {
  const page = await newPage();
  await page.setContent(SAMPLE);

  expect(await page.getByLabel(/loyal customers at start/i).inputValue()).toBe('120');
  const series = page.locator('[data-testid="sample-chart"] path[data-series]');
  expect(await series.count()).toBe(1);
  expect(await series.getAttribute('d')).toBe('M0,100L240,20');

  const file = await saveScreenshot(page, 'harness');
  const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(readFileSync(file).subarray(0, 8)).toEqual(pngSignature);
});

test('pages have the configured viewport, locale and time zone', async () => {
  const page = await newPage();
  await page.goto('data:text/html,<p>settings</p>');
  const settings = await page.evaluate(() => ({
    width: window.innerWidth,
    height: window.innerHeight,
    pixelRatio: window.devicePixelRatio,
    language: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    number: (1234.5).toLocaleString(),
  }));
  expect(settings).toEqual({
    width: 1280,
    height: 800,
    pixelRatio: 1,
    language: 'en-US',
    timeZone: 'UTC',
    number: '1,234.5',
  });
});

test('records console errors and uncaught errors', async () => {
  const page = await newPage({ failOnErrors: false });
  await page.goto(
    'data:text/html,<script>console.error("boom"); setTimeout(() => { throw new Error("kaput") })</script>',
  );
  await expect.poll(() => pageErrors(page).length).toBe(2);
  const [consoleError, uncaught] = pageErrors(page);
  expect(consoleError).toMatch(/^console\.error: boom/);
  expect(uncaught).toMatch(/^page error: .*kaput/);
});

test('globalSetup provides either the app address or why the build failed', () => {
  const baseUrl = inject('baseUrl');
  const buildError = inject('buildError');
  if (buildError) expect(baseUrl).toBe('');
  else expect(baseUrl).toMatch(/^https?:\/\/[^/]+(\/.*)?\/$/);
});
