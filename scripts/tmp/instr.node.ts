import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { createSimulationApi } from '../../workers/simulationApi';
const api = createSimulationApi();
const timed = {
  ...api,
  runChunk(...args: Parameters<typeof api.runChunk>) {
    const t0 = performance.now();
    const r = api.runChunk(...args);
    (r as any).workerMs = performance.now() - t0;
    return r;
  },
};
Comlink.expose(timed, nodeEndpoint(parentPort!));
