import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { JobDetail } from '@app/shared/contracts/api/generations';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { isTerminal, type JobStatus } from '@app/shared/jobs/job-state';
import type { ServerToClientEvents } from '@app/shared/contracts/socket-events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startSim, type RunningSim, type SimOptions } from '../../../comfyui-sim/src/index';
import { WorkerModule, type WorkerModuleOptions } from '../../../worker/src/worker.module';
import { startTestApi, type TestApi } from './test-api';

/** Fast probes and short locks, so health changes and crashed workers show within seconds. */
export const TEST_WORKER_OPTIONS: WorkerModuleOptions = {
  pool: { healthIntervalMs: 300, catalogueIntervalMs: 600_000 },
  queue: { lockDurationMs: 4_000, stalledIntervalMs: 1_000 },
};

export interface TestStack {
  api: TestApi;
  sim: RunningSim;
  /** Stops the stand-in (the backend goes down) and starts it again on the same port and folders. */
  restartSim(down?: () => Promise<void>): Promise<void>;
  /** Waits until the worker's health probes see the backend in this state (E-2). */
  waitForBackendState(state: 'up' | 'down', timeoutMs?: number): Promise<void>;
  worker: INestApplicationContext | undefined;
  startWorker(): Promise<INestApplicationContext>;
  stopWorker(): Promise<void>;
  importWorkflow(name: string, graph: unknown): Promise<WorkflowDetail>;
  waitForJob(token: string, id: string, done?: (status: JobStatus) => boolean, timeoutMs?: number): Promise<JobDetail>;
  socket(token: string): Promise<{ socket: Socket<ServerToClientEvents>; events: { name: string; payload: unknown }[] }>;
  close(): Promise<void>;
}

/**
 * The real pipeline in one test process: the ComfyUI stand-in, the api (real SQLite, the run's
 * Redis) and a worker on the same config. Nothing is mocked.
 */
export async function startTestStack(options: { sim?: SimOptions; worker?: boolean; workerOptions?: WorkerModuleOptions; apiEnv?: Record<string, string> } = {}): Promise<TestStack> {
  const simDir = await mkdtemp(join(tmpdir(), 'cs-sim-'));
  const simOptions: SimOptions = { stepMs: 5, dataDir: simDir, ...options.sim };
  let sim = await startSim(simOptions);
  const api = await startTestApi({ COMFYUI_URLS: sim.url, ...options.apiEnv });
  const sockets: Socket[] = [];
  let adminToken: string | undefined;
  const stack: TestStack = {
    api,
    sim,
    worker: undefined,
    async restartSim(down = async () => undefined) {
      const port = sim.port;
      await sim.stop();
      await down();
      sim = await startSim({ ...simOptions, port });
      stack.sim = sim;
    },
    async startWorker() {
      const { pool, queue } = options.workerOptions ?? {};
      const workerOptions: WorkerModuleOptions = { pool: { ...TEST_WORKER_OPTIONS.pool, ...pool }, queue: { ...TEST_WORKER_OPTIONS.queue, ...queue } };
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(api.config, workerOptions), { logger: false });
      await worker.init();
      stack.worker = worker;
      return worker;
    },
    async stopWorker() {
      await stack.worker?.close();
      stack.worker = undefined;
    },
    async waitForBackendState(state, timeoutMs = 15_000) {
      adminToken ??= (await api.loginAdmin()).accessToken;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await api.http.get('/api/backends').auth(adminToken, { type: 'bearer' });
        if ((res.body as { items: { state: string }[] }).items.every((b) => b.state === state)) return;
        if (Date.now() > deadline) throw new Error(`backends not ${state} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async importWorkflow(name, graph) {
      adminToken ??= (await api.loginAdmin()).accessToken;
      const res = await api.http.post('/api/workflows').auth(adminToken, { type: 'bearer' }).send({ name, graph });
      if (res.status !== 201) throw new Error(`import ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as WorkflowDetail;
    },
    async waitForJob(token, id, done = isTerminal, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await api.http.get(`/api/generations/${id}`).auth(token, { type: 'bearer' });
        if (res.status !== 200) throw new Error(`job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
        const job = res.body as JobDetail;
        if (done(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async socket(token) {
      const socket: Socket<ServerToClientEvents> = io(api.url, { path: '/api/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
      sockets.push(socket);
      const events: { name: string; payload: unknown }[] = [];
      socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      return { socket, events };
    },
    async close() {
      for (const socket of sockets) socket.close();
      await stack.stopWorker();
      await api.close();
      await sim.stop();
      await rm(simDir, { recursive: true, force: true });
    },
  };
  if (options.worker !== false) await stack.startWorker();
  return stack;
}
