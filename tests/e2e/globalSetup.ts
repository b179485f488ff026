/**
 * Builds the app once and serves `dist/` on loopback for the e2e project.
 *
 * Tests read the address with `inject('baseUrl')`. With `E2E_BASE_URL` set, nothing is built
 * or served: the tests run against that address (a dev server, a deployed copy).
 *
 * A failed build does not abort the run: it is handed to the tests as `buildError`, so the
 * harness self-test (which needs no app) still runs, and every test that opens the app fails
 * with the build's own message.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the built app, ending in '/'; empty when the build failed. */
    baseUrl: string;
    /** The build's error message, or empty when it succeeded. */
    buildError: string;
  }
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', withTrailingSlash(external));
    project.provide('buildError', '');
    return;
  }

  try {
    await buildApp();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`e2e: the app did not build; every test that opens it will fail.\n${message}`);
    project.provide('baseUrl', '');
    project.provide('buildError', message);
    return;
  }

  const server = await serveDist();
  project.provide('baseUrl', serverUrl(server));
  project.provide('buildError', '');
  return () => server.close();
}

async function buildApp(): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite builds a development bundle unless NODE_ENV is
  // 'production' (Svelte dev mode, import.meta.env.DEV): the e2e tests must see what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: repoRoot,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: 'dist', emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Vite's preview server: the same static serving (MIME types, base './') as `npm run preview`. */
function serveDist(): Promise<PreviewServer> {
  return preview({
    root: repoRoot,
    configFile,
    logLevel: 'warn',
    build: { outDir: 'dist' },
    // Port 0: the system picks a free port, so parallel runs never collide.
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address) throw new Error('the preview server is not listening');
  return `http://127.0.0.1:${address.port}/`;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
