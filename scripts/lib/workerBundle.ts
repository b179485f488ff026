/**
 * Bundles a worker entry into one plain .mjs that Node's worker_threads can start: Node 20 cannot
 * run TypeScript in a worker without a loader, and compiling inside a timed run would distort it.
 * The CLI, the bench and the tests call this before starting any timer.
 *
 * The file is named by the sha256 of its content, so a changed source gives a new file and an
 * unchanged one is reused (bundling itself takes a few tens of ms; nothing is written then).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = path.join(repoRoot, 'node_modules', '.cache', 'loyalty-lab');

const bundles = new Map<string, Promise<string>>();

/**
 * The simulation worker for createNodePool (src/engine/node.ts); returns its absolute path.
 * CommonJS: Node starts a worker on a CommonJS file sooner than on an ES module (two workers
 * ready after 47 ms instead of 56, mean of 10 starts), and a run's clock includes that start.
 */
export function bundleNodeWorker(): Promise<string> {
  return bundleWorker('workers/simulation.node.ts', 'cjs');
}

/**
 * Any worker entry (a path from the repository root, or absolute), bundled once per process.
 * An ES module by default; CommonJS has no top-level await.
 */
export function bundleWorker(entry: string, format: 'esm' | 'cjs' = 'esm'): Promise<string> {
  const absolute = path.resolve(repoRoot, entry);
  const key = `${format}:${absolute}`;
  let bundle = bundles.get(key);
  if (!bundle) {
    bundle = buildWorker(absolute, format);
    bundles.set(key, bundle);
    bundle.catch(() => bundles.delete(key));
  }
  return bundle;
}

async function buildWorker(entry: string, format: 'esm' | 'cjs'): Promise<string> {
  const output = await build({
    entryPoints: [entry],
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    // Prefer packages' ES modules (comlink's main field is a UMD build).
    mainFields: ['module', 'main'],
    minify: false,
    sourcemap: false,
    write: false,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = path.basename(entry).replace(/\.ts$/, '');
  const file = path.join(cacheDir, `${name}-${hash}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  if (!existsSync(file)) {
    await mkdir(cacheDir, { recursive: true });
    // Written aside and renamed: another process bundling at the same time never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return file;
}
