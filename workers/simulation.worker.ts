/** Browser module worker: the simulation API over comlink (created by src/engine/browser.ts). */
import * as Comlink from 'comlink';
import { createSimulationApi } from './simulationApi';

Comlink.expose(createSimulationApi());
