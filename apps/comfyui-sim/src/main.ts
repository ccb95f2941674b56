import { startSim } from './index';
import { loadSimEnv, SimEnvError } from './sim-env';

/** Standalone stand-in: `node dist/apps/comfyui-sim/src/main.js`, configured by SIM_* variables. */
async function main(): Promise<void> {
  const sim = await startSim(loadSimEnv(process.env, process.cwd()));
  process.stdout.write(`ComfyUI stand-in listening on ${sim.url} (data in ${sim.dataDir})\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`comfyui-sim: stop failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const problems = error instanceof SimEnvError ? error.problems : [error instanceof Error ? error.message : String(error)];
  for (const problem of problems) process.stderr.write(`comfyui-sim: ${problem}\n`);
  process.exit(1);
});
