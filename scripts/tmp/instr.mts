import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { presetPlan } from '/work/main/src/model/presets';
import { bundleWorker } from '/work/main/scripts/lib/workerBundle';
const file = await bundleWorker('scripts/tmp/instr.node.ts');
const plan = presetPlan('bench');
for (const n of [1, 2]) {
  const t0 = performance.now();
  const apis = Array.from({ length: n }, () => Comlink.wrap<any>((nodeEndpoint as any)(new Worker(file))));
  await Promise.all(apis.map((a) => a.prepare(1, plan)));
  const ready = performance.now() - t0;
  const logs = await Promise.all(apis.map(async (a, w) => {
    const out: string[] = [];
    for (let c = 0; c < 8; c++) { const r = await a.runChunk(1, 42, (c * n + w) * 625, 625); out.push(r.workerMs.toFixed(0)); }
    return out.join(' ');
  }));
  console.log(n, 'ready', ready.toFixed(0), 'chunks(ms):', logs.join(' | '), 'total', (performance.now() - t0).toFixed(0));
  process.exitCode = 0;
}
process.exit(0);
