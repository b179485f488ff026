/**
 * Node worker_threads entry: the simulation API over comlink. Node 20 cannot load TypeScript in
 * a worker, so this file runs as an esbuild bundle (scripts/lib/workerBundle.ts) that
 * src/engine/node.ts starts.
 */
import * as Comlink from 'comlink';
// The UMD build, because its types sit beside it (the ESM .mjs has no .d.mts); same code.
import nodeEndpoint from 'comlink/dist/umd/node-adapter.js';
import { parentPort } from 'node:worker_threads';
import { createSimulationApi } from './simulationApi';

if (!parentPort) throw new Error('simulation.node must run in a worker thread');
Comlink.expose(createSimulationApi(), nodeEndpoint(parentPort));
