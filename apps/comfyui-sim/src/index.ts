import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalogue } from './catalogue/catalogue';
import { resolveModelLists } from './catalogue/model-folders';
import { SimServer } from './sim-server';
import { resolveSettings, type RunningSim, type SimOptions } from './sim-options';
import { SimDirs } from './storage/sim-dirs';

export type { RunningSim, SimFaultControl, SimOptions } from './sim-options';
export type { FaultUpdate, SimFaults } from './faults';
export type { ModelLists } from './catalogue/model-folders';
export { parseExecutionLog, type ExecutionLogEntry } from './engine/execution-log';

/**
 * Starts a protocol-faithful ComfyUI 0.8.0 stand-in (docs/comfyui-sim.md).
 * @example const sim = await startSim({ testNodes: true, stepMs: 10 }); … await sim.stop();
 */
export async function startSim(options: SimOptions = {}): Promise<RunningSim> {
  const settings = resolveSettings(options);
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'comfyui-sim-')));
  const dirs = new SimDirs(dataDir);
  await dirs.ensure();
  await dirs.wipeTemp();
  const models = resolveModelLists(settings.models, settings.customNodes);
  const catalogue = Catalogue.build({ models, customNodes: settings.customNodes, testNodes: settings.testNodes });
  const server = new SimServer(settings, catalogue, dirs, models);
  await server.listen();
  if (options.faults) server.faults.set(options.faults);
  return {
    url: server.url,
    port: server.listeningPort,
    dataDir,
    stop: async () => {
      await server.stop();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
    restart: () => server.restart(),
    faults: server.faults,
    requests: server.requests,
  };
}
