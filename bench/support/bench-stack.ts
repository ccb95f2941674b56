import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServerToClientEvents } from '@app/shared/contracts/socket-events';
import { bootstrapAdmin } from '@app/server/accounts/bootstrap-admin';
import { loadConfig } from '@app/server/config/env';
import { startRedisServer, type RedisProcess } from '@app/server/redis/redis-process';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { seedSampleWorkflows } from '@app/server/workflows/seed-samples';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createApiApp } from '../../apps/api/src/app.factory';
import { startSim, type RunningSim, type SimOptions } from '../../apps/comfyui-sim/src/index';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const ADMIN = { email: 'bench@studio.local', password: 'bench-password-1' };

export interface BenchStack {
  url: string;
  sims: RunningSim[];
  token: string;
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  socket(): Promise<Socket<ServerToClientEvents>>;
  close(): Promise<void>;
}

/** The whole system in one process, as a bench needs it: K stand-ins, api, worker, private Redis. */
export async function startBenchStack(backends: number, sim: SimOptions): Promise<BenchStack> {
  const redis: RedisProcess = await startRedisServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'cs-bench-'));
  const sims = await Promise.all(Array.from({ length: backends }, () => startSim(sim)));
  const config = loadConfig({ DATA_DIR: dataDir, REDIS_URL: redis.url, COMFYUI_URLS: sims.map((s) => s.url).join(','), LOG_LEVEL: 'silent', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const api: NestExpressApplication = await createApiApp(config);
  await bootstrapAdmin(config, api.get(UsersRepository), Date.now());
  await seedSampleWorkflows(api.get(WorkflowsRepository), Date.now());
  await api.listen(0, '127.0.0.1');
  const url = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { pool: { healthIntervalMs: 500, catalogueIntervalMs: 600_000 } }), { logger: false });
  await worker.init();
  const login = (await (await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()) as { accessToken: string };
  const sockets: Socket[] = [];
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${login.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    url,
    sims,
    token: login.accessToken,
    api: call,
    async socket() {
      const socket: Socket<ServerToClientEvents> = io(url, { path: '/api/socket.io', transports: ['websocket'], auth: { token: login.accessToken } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.close();
      await worker.close();
      await api.close();
      await Promise.all(sims.map((s) => s.stop()));
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
