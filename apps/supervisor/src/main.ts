import { ConfigError, loadConfig, withRedisUrl, type AppConfig } from '@app/server/config/env';
import { readTlsCredentials } from '@app/server/config/tls-credentials';
import { startRedisServer, type RedisProcess } from '@app/server/redis/redis-process';
import { findFreePort } from '@app/server/system/free-port';
import { projectRoot } from '@app/server/system/project-root';
import { studioUrls } from '@app/server/system/studio-urls';
import { MissingPackageError } from '@app/server/system/system-packages';
import { join } from 'node:path';
import { readyMessage } from './announce';
import { prepareData } from './prepare-data';
import { Shutdown } from './shutdown';
import { nodeScript, SupervisedChild } from './supervised-child';
import { waitForHttp } from './wait-for-http';

const log = (line: string) => process.stdout.write(`[studio] ${line}\n`);
const dist = (...parts: string[]) => join(projectRoot(), 'dist', ...parts);

/**
 * `npm start`: one supervisor for the whole system on embedded defaults. It starts what is
 * missing (Redis, the ComfyUI stand-in), prepares the data folder, runs api and worker,
 * restarts any of them that crashes, and stops everything cleanly on Ctrl-C.
 */
const stops = new Shutdown(log);
const shuttingDown = () => stops.requested;
let starting: Promise<void> = Promise.resolve();

async function shutdown(code: number): Promise<never> {
  await stops.run(starting);
  process.exit(code);
}

/** Each step registers how to stop what it started; after Ctrl-C no further step begins. */
async function start(): Promise<void> {
  let config: AppConfig = loadConfig(process.env);
  // Checked here too: a bad certificate would otherwise crash the api over and over under us.
  if (config.tls) readTlsCredentials(config.tls);
  const admin = await prepareData(config, Date.now());
  if (shuttingDown()) return;

  if (!config.redisUrl) {
    const redis: RedisProcess = await startRedisServer({ dir: config.paths.redis, log });
    // Killed, it comes back on the same port and append-only file; api and worker reconnect to it.
    const supervised = new SupervisedChild({ name: 'Redis', launch: () => redis.launchAgain() }, log, shuttingDown);
    supervised.watch(redis.child);
    stops.add(() => supervised.stop());
    config = withRedisUrl(config, redis.url);
    log(`Redis started on ${redis.url} (data in ${config.paths.redis})`);
    if (shuttingDown()) return;
  }

  let backends = config.comfyuiUrls;
  const simulated = backends.length === 0;
  if (simulated) {
    const port = await findFreePort();
    const simEnv = { ...process.env, SIM_PORT: String(port), SIM_HOST: '127.0.0.1', SIM_DATA_DIR: join(config.dataDir, 'comfyui-sim') };
    const sim = new SupervisedChild({ name: 'comfyui-sim', launch: nodeScript(dist('apps/comfyui-sim/src/main.js'), simEnv) }, log, shuttingDown);
    sim.start();
    stops.add(() => sim.stop());
    backends = [`http://127.0.0.1:${port}`];
    await waitForHttp(`${backends[0]}/system_stats`, 30_000, shuttingDown);
  }

  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: config.dataDir, REDIS_URL: config.redisUrl, COMFYUI_URLS: backends.join(',') };
  for (const name of ['worker', 'api'] as const) {
    const child = new SupervisedChild({ name, launch: nodeScript(dist(`apps/${name}/src/main.js`), env) }, log, shuttingDown);
    child.start();
    stops.add(() => child.stop());
  }
  const secure = config.tls !== undefined;
  await waitForHttp(`${secure ? 'https' : 'http'}://127.0.0.1:${config.port}/api/health`, 60_000, shuttingDown);
  const urls = studioUrls({ port: config.port, host: config.host, secure });
  for (const line of await readyMessage(urls, admin, backends, simulated)) process.stdout.write(`${line}\n`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
starting = start();
void starting.catch((error: unknown) => {
  // After Ctrl-C a step may give up ("aborted"); that is the stop the user asked for, not a failure.
  if (shuttingDown()) return;
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`config: ${problem}\n`);
  } else if (error instanceof MissingPackageError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return shutdown(1);
});
