/**
 * `npm run bench -- --browser`: builds the app, serves it on loopback, opens `?bench=N&workers=W`
 * in headless Chromium and returns the page's measurement (see src/benchMode.ts).
 */
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from './chromium';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function runInChromium(trials: number, workers: number): Promise<Record<string, unknown>> {
  process.env.NODE_ENV = 'production';
  await build({ root: repoRoot, logLevel: 'warn' });
  const server = await preview({ root: repoRoot, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0 } });
  const { port } = server.httpServer.address() as AddressInfo;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?bench=${trials}&workers=${workers}`);
    const output = page.getByTestId('bench-result');
    await output.waitFor({ timeout: 600_000 });
    return JSON.parse((await output.textContent()) ?? '{}') as Record<string, unknown>;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
