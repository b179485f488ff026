/**
 * Headless Chromium from the npm package @sparticuz/chromium (it needs only libc, so
 * `npm install` is enough on a bare machine), driven by playwright-core. Used by the e2e tests
 * and by the browser benchmark. `CHROME_PATH` overrides the binary.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where @sparticuz/chromium unpacks its ~200 MB once and reuses it across runs. */
const CHROMIUM_CACHE = path.join(repoRoot, 'node_modules/.cache/loyalty-lab-chromium');

export const CHROMIUM_ARGS = [
  // The tests run as root in a container, where Chromium's sandbox cannot start.
  '--no-sandbox',
  // Software rendering is enough for SVG and avoids probing for a GPU that is not there.
  '--disable-gpu',
  // The machine's network is closed: without these, Chromium keeps dialling Google's hosts
  // (updates, sync, QUIC probes) and its refused connections clutter the logs.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The Chromium binary: `CHROME_PATH` if set (e.g. Debian's /usr/bin/chromium), else the one
 * shipped in @sparticuz/chromium, unpacked into the project's cache on first use.
 */
export async function chromiumExecutablePath(): Promise<string> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;

  // The package unpacks into os.tmpdir() and trusts whatever it finds there, so a binary
  // half-written by an interrupted run, or left by another version, would be reused. The
  // marker is written only after a complete unpack; without it the cache is wiped.
  const version = sparticuzVersion();
  const marker = path.join(CHROMIUM_CACHE, 'unpacked-version');
  if (readOrEmpty(marker) !== version) rmSync(CHROMIUM_CACHE, { recursive: true, force: true });
  mkdirSync(CHROMIUM_CACHE, { recursive: true });

  // os.tmpdir() reads TMPDIR at call time; restore it so Playwright's own temporary
  // profiles still go to the system's temporary folder.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = CHROMIUM_CACHE;
  try {
    const executable = await sparticuz.executablePath();
    writeFileSync(marker, version);
    return executable;
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
}

/** Launches headless Chromium; one retry absorbs a launch that times out on a busy machine. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumExecutablePath();
  const launch = () =>
    chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  try {
    return await launch();
  } catch (firstError) {
    console.warn(`Chromium failed to launch, retrying once: ${String(firstError)}`);
    return launch();
  }
}

function sparticuzVersion(): string {
  const manifest = path.join(repoRoot, 'node_modules/@sparticuz/chromium/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
