import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim } from '../../../../apps/comfyui-sim/src/index';
import { ComfyBackendClient, type ComfyBackendClientOptions } from './comfy-backend-client';
import { ComfyUnreachableError, isTransientComfyError } from './comfy-errors';
import type { SocketState } from './comfy-socket';
import type { TrackedPrompt } from './tracked-prompt';
import { frameMatching, invertGraph, progressGraph, socketState } from './testing/comfy-test-kit';
import { startTsChild } from './testing/ts-child-process';

jest.setTimeout(60_000);

type Sim = Awaited<ReturnType<typeof startSim>>;

/** Fast reconnects and polls so each scenario takes a second, not the production 1–30 s. */
function fastClient(sim: Sim, options: Partial<ComfyBackendClientOptions> = {}): ComfyBackendClient {
  const client = new ComfyBackendClient({
    baseUrl: sim.url,
    clientId: randomUUID().replaceAll('-', ''),
    socket: { backoff: { initialMs: 50, maxMs: 200 } },
    pollIntervalMs: 100,
    readyTimeoutMs: 500,
    ...options,
  });
  client.start();
  return client;
}

/** A connected client with a 2 s prompt that has started stepping. */
async function startLongPrompt(sim: Sim): Promise<{ client: ComfyBackendClient; promptId: string; tracked: TrackedPrompt }> {
  const client = fastClient(sim);
  await client.socket.waitUntilReady();
  const promptId = randomUUID();
  const tracked = await client.submit(progressGraph(`cg/${promptId}/out`, 40, 50), { promptId });
  await frameMatching(tracked, (frame) => frame.type === 'progress');
  return { client, promptId, tracked };
}

function recordStates(client: ComfyBackendClient): SocketState[] {
  const states: SocketState[] = [];
  client.on('connection', (state) => states.push(state));
  return states;
}

describe('E-6 socket lost mid-prompt', () => {
  let sim: Sim;
  let client: ComfyBackendClient;

  beforeAll(async () => {
    sim = await startSim({ port: 0, testNodes: true, stepMs: 2 });
  });

  afterEach(async () => {
    await client.close();
    sim.faults.clear();
  });

  afterAll(async () => {
    await sim.stop();
  });

  it('the prompt ends while the socket cannot reconnect: polling finds the outcome; the reconnect re-sends the flags', async () => {
    client = fastClient(sim);
    await client.socket.waitUntilReady();
    const states = recordStates(client);
    const promptId = randomUUID();
    const tracked = await client.submit(progressGraph(`cg/${promptId}/out`, 10, 30), { promptId });
    await frameMatching(tracked, (frame) => frame.type === 'progress');
    sim.faults.set({ rejectConnections: true, dropSockets: true });
    const outcome = await tracked.outcome;
    expect(outcome.status === 'success' && outcome.files.map((file) => file.filename)).toEqual(['out_00001_.png']);
    expect(states).toContain('disconnected');
    expect(client.socket.state).not.toBe('ready');
    sim.faults.clear();
    await socketState(client, 'ready');

    const kinds: string[] = [];
    client.socket.on('binary', (frame) => kinds.push(frame.kind));
    const nextId = randomUUID();
    const next = await client.submit(progressGraph(`cg/${nextId}/out`, 2, 10), { promptId: nextId });
    expect((await next.outcome).status).toBe('success');
    expect(kinds).toEqual(['preview-with-metadata', 'preview-with-metadata']);
  });

  it('the socket drops into a running prompt and comes back: same outcome, no polling needed', async () => {
    client = fastClient(sim, { pollIntervalMs: 60_000 });
    await client.socket.waitUntilReady();
    const states = recordStates(client);
    sim.faults.set({ dropSocketAfterMs: 60 });
    const promptId = randomUUID();
    const tracked = await client.submit(progressGraph(`cg/${promptId}/out`, 8, 30), { promptId });
    const outcome = await tracked.outcome;
    expect(outcome.status).toBe('success');
    expect(states.slice(0, 3)).toEqual(['disconnected', 'connecting', 'ready']);
  });
});

describe('E-7 backend down, restarted, or the worker killed', () => {
  let dataDir: string;
  let sim: Sim;
  /** One port for the whole block: "back up" means the same address again. */
  let port = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'comfy-resilience-'));
  });

  beforeEach(async () => {
    sim = await startSim({ port, dataDir, testNodes: true, stepMs: 2 });
    port = sim.port;
  });

  afterEach(async () => {
    await sim.stop();
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('down: health and submissions fail as transient; back up: the socket returns and the lost prompt says so', async () => {
    const { client, promptId, tracked } = await startLongPrompt(sim);

    await sim.stop();
    await socketState(client, 'disconnected');
    const health = await client.http.getSystemStats().catch((error: unknown) => error);
    expect(health).toBeInstanceOf(ComfyUnreachableError);
    const submitted = await client.submit(invertGraph('cg/down/out'), { promptId: randomUUID() }).catch((error: unknown) => error);
    expect(isTransientComfyError(submitted)).toBe(true);
    expect(await client.reconcile(promptId)).toMatchObject({ state: 'unreachable' });

    sim = await startSim({ port: sim.port, dataDir, testNodes: true, stepMs: 2 });
    await socketState(client, 'ready');
    expect((await client.http.getSystemStats()).system.comfyui_version).toBe('0.8.0');
    expect(await tracked.outcome).toEqual({ status: 'lost' });
    await client.close();
  });

  it('restart(): a prompt the backend had is unknown to it afterwards', async () => {
    const { client, promptId, tracked } = await startLongPrompt(sim);
    await sim.restart();
    expect(await client.reconcile(promptId)).toEqual({ state: 'unknown' });
    expect(await tracked.outcome).toEqual({ status: 'lost' });
    await client.close();
  });

  it('J-10 a killed worker: a new process reattaches by prompt_id, sees completion and never submits twice', async () => {
    const promptId = randomUUID();
    const child = await startTsChild(join(__dirname, 'testing', 'crashing-worker.ts'), [sim.url, randomUUID().replaceAll('-', ''), promptId, '30', '30']);
    const submitted = (await child.nextMessage()) as { submitted?: string; number?: number; error?: string };
    expect(submitted).toMatchObject({ submitted: promptId });
    expect(await child.nextMessage()).toHaveProperty('progress');
    await child.kill();

    const client = fastClient(sim);
    const reattached = await client.reattach(promptId);
    if (reattached.state !== 'alive') throw new Error(`expected alive, got ${reattached.state}`);
    const outcome = await reattached.tracked.outcome;
    expect(outcome.status === 'success' && outcome.files.map((file) => `${file.subfolder}/${file.filename}`)).toEqual([
      `cg/${promptId}/out_00001_.png`,
    ]);
    expect(outcome.status === 'success' && outcome.history.prompt[0]).toBe(submitted.number);
    expect(await readdir(join(sim.dataDir, 'output', 'cg', promptId))).toEqual(['out_00001_.png']);
    expect(await client.reattach(promptId)).toMatchObject({ state: 'ended', outcome: { status: 'success' } });
    await client.close();
  });
});
