import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { presetPlan } from '/work/main/src/model/presets';
import { bundleNodeWorker } from '/work/main/scripts/lib/workerBundle';
const file = await bundleNodeWorker();
const plan = presetPlan('bench');
for (const n of [1, 2, 1, 2]) {
  const apis = Array.from({ length: n }, () => Comlink.wrap<any>((nodeEndpoint as any)(new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.YG ?? 0) || undefined } }))));
  await Promise.all(apis.map((a) => a.prepare(1, plan)));
  // warm up
  await Promise.all(apis.map((a, i) => a.runChunk(1, 42, i * 1000, 1000)));
  const t0 = performance.now();
  const times = await Promise.all(apis.map(async (a, i) => { const s = performance.now(); await a.runChunk(1, 42, 10000 + i * 3000, 3000); return performance.now() - s; }));
  console.log(n, 'workers: 3000 trials each', times.map((t) => t.toFixed(0)).join(' '), 'wall', (performance.now() - t0).toFixed(0));
  for (const a of apis) a[Comlink.releaseProxy]();
}
process.exit(0);
