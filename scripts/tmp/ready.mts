import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { presetPlan } from '/work/main/src/model/presets';
import { bundleNodeWorker } from '/work/main/scripts/lib/workerBundle';
const file = await bundleNodeWorker();
const plan = presetPlan('bench');
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const w = new Worker(file, { execArgv: [] });
  const online = new Promise((r) => w.once('online', r));
  const api = Comlink.wrap<any>((nodeEndpoint as any)(w));
  await online;
  const t1 = performance.now();
  await api.release(0);
  const t2 = performance.now();
  await api.prepare(1, plan);
  const t3 = performance.now();
  await api.prepare(2, plan);
  const t4 = performance.now();
  console.log(`online ${(t1 - t0).toFixed(0)}  first call ${(t2 - t1).toFixed(0)}  prepare ${(t3 - t2).toFixed(0)}  prepare again ${(t4 - t3).toFixed(0)}`);
  await w.terminate();
}
process.exit(0);
