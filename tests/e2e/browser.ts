/**
 * Headless Chromium for the e2e tests: one browser per test file, one context per page.
 *
 * Usage in a test file:
 *   useBrowser();                        // launches in beforeAll, closes in afterAll
 *   const page = await openApp();        // the built app, errors recorded
 *   expectNoConsoleErrors(page);
 *
 * Every page records console errors and uncaught page errors; a page opened inside a test
 * fails that test in afterEach if any appeared, even when the test forgot to check. When a
 * test fails, its pages are saved as test-results/<test name>-failed.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium';

export { chromiumExecutablePath, launchBrowser } from '../../scripts/lib/chromium';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const SCREENSHOTS = path.join(repoRoot, 'test-results');

const CONTEXT_OPTIONS = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  locale: 'en-US',
  timezoneId: 'UTC',
} as const;

/** Locator waits give up well before vitest's 60 s test timeout, with Playwright's own message. */
const ACTION_TIMEOUT_MS = 15_000;

let browser: Browser | undefined;
let insideTest = false;
/** Pages opened inside the running test, and whether their errors fail it; closed after it. */
const testPages = new Map<Page, boolean>();
/** Pages opened in beforeAll: closed with the browser. */
const filePages = new Set<Page>();
const recordedErrors = new WeakMap<Page, string[]>();

/** Registers the hooks that give this test file its browser. Call once, at the top level. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(() => {
    insideTest = true;
  });
  afterEach(async ({ task }) => {
    insideTest = false;
    const pages = [...testPages];
    testPages.clear();
    if (task.result?.state === 'fail') await screenshotFailure(task.name, pages.map(([page]) => page));
    const errors = pages.flatMap(([page, failOnErrors]) => (failOnErrors ? pageErrors(page) : []));
    await Promise.all(pages.map(([page]) => page.context().close()));
    expect(errors, 'console or page errors in the browser').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all([...filePages].map((page) => page.context().close()));
    filePages.clear();
    await browser?.close();
    browser = undefined;
  });
}

export interface NewPageOptions {
  /** When false, errors are only recorded (see pageErrors): for tests that expect some. */
  failOnErrors?: boolean;
}

/** A fresh page in its own context (1280x800, en-US, UTC) that records errors. */
export async function newPage({ failOnErrors = true }: NewPageOptions = {}): Promise<Page> {
  if (!browser) throw new Error('no browser: call useBrowser() at the top of the test file');
  const context: BrowserContext = await browser.newContext(CONTEXT_OPTIONS);
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();

  const errors: string[] = [];
  recordedErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url, lineNumber } = message.location();
    errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));

  if (insideTest) testPages.set(page, failOnErrors);
  else filePages.add(page);
  return page;
}

/** The address of a page of the built app; fails with the build's message if it did not build. */
export function appUrl(appPath = ''): string {
  const buildError = inject('buildError');
  if (buildError) throw new Error(`the app did not build, so there is nothing to open:\n${buildError}`);
  // Relative to the base, so an E2E_BASE_URL with a sub-path keeps it.
  return new URL(appPath.replace(/^\/+/, ''), inject('baseUrl')).href;
}

/** Opens the built app (or one of its paths) in a new page and waits for it to load. */
export async function openApp(appPath = ''): Promise<Page> {
  const url = appUrl(appPath);
  const page = await newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  return page;
}

/** Console errors and uncaught errors the page has produced so far, in order. */
export function pageErrors(page: Page): string[] {
  return [...(recordedErrors.get(page) ?? [])];
}

export function expectNoConsoleErrors(page: Page): void {
  expect(pageErrors(page), 'console or page errors in the browser').toEqual([]);
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What the page showed when its test failed: test-results/<test name>-failed[-n].png. */
async function screenshotFailure(testName: string, pages: Page[]): Promise<void> {
  const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  await Promise.all(
    pages.map((page, index) =>
      saveScreenshot(page, `${slug}-failed${index ? `-${index + 1}` : ''}`).catch(() => undefined),
    ),
  );
}

