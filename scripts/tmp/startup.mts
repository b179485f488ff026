import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { presetPlan } from '/work/main/src/model/presets';
import { bundleNodeWorker } from '/work/main/scripts/lib/workerBundle';
const file = await bundleNodeWorker();
const plan = presetPlan('bench');
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const worker = new Worker(file);
  const api = Comlink.wrap<any>((nodeEndpoint as any)(worker));
  await api.prepare(1, plan);
  const t1 = performance.now();
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const a = performance.now();
    await api.runChunk(1, 42, i * 250, 250);
    times.push(performance.now() - a);
  }
  console.log(`ready ${(t1 - t0).toFixed(0)} ms; chunks of 250: ${times.map((t) => t.toFixed(0)).join(' ')}`);
  await worker.terminate();
}
