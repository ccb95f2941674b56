import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureJson } from '@test/fixtures';
import { promptGraphSchema } from '@app/shared/comfy/protocol';
import { startSim } from '../../../../apps/comfyui-sim/src/index';
import { ComfyBackendClient } from './comfy-backend-client';
import { ComfyValidationError } from './comfy-errors';
import { frameMatching, frameRecorder, invertGraph, loadImageGraph, progressGraph } from './testing/comfy-test-kit';

jest.setTimeout(30_000);

type Sim = Awaited<ReturnType<typeof startSim>>;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let sim: Sim;
let client: ComfyBackendClient;
let downloads: string;

beforeAll(async () => {
  sim = await startSim({ port: 0, testNodes: true, stepMs: 2 });
  client = new ComfyBackendClient({ baseUrl: sim.url, clientId: randomUUID().replaceAll('-', '') });
  client.start();
  await client.socket.waitUntilReady();
  downloads = await mkdtemp(join(tmpdir(), 'comfy-client-'));
});

afterAll(async () => {
  await client.close();
  await sim.stop();
  await rm(downloads, { recursive: true, force: true });
});

afterEach(() => {
  sim.faults.clear();
});

describe('E-5/E-6 a full prompt', () => {
  it('EmptyImage → ImageInvert → SaveImage: live events, outcome from history, the PNG on disk', async () => {
    const promptId = randomUUID();
    const { frames, onFrame } = frameRecorder();
    const tracked = await client.submit(invertGraph(`cg/${promptId}/out`), { promptId, onFrame });
    const outcome = await tracked.outcome;
    if (outcome.status !== 'success') throw new Error(`expected success, got ${outcome.status}`);
    expect(outcome.files).toEqual([{ nodeId: '3', key: 'images', filename: 'out_00001_.png', subfolder: `cg/${promptId}`, type: 'output' }]);
    expect(frames.filter((frame) => frame.type === 'executing').map((frame) => frame.type === 'executing' && frame.nodeId)).toEqual(['1', '2', '3']);
    const [file] = outcome.files;
    const destination = join(downloads, promptId, 'out.png');
    const { bytes } = await client.http.downloadOutput(file!, destination);
    const downloaded = await readFile(destination);
    expect([...downloaded.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(downloaded.length).toBe(bytes);
    expect(downloaded).toEqual(await readFile(join(sim.dataDir, 'output', 'cg', promptId, 'out_00001_.png')));
    expect(await readdir(join(downloads, promptId))).toEqual(['out.png']);
  });

  it('J-6 progress and type-4 previews reach the prompt they belong to', async () => {
    const promptId = randomUUID();
    const { frames, onFrame } = frameRecorder();
    const tracked = await client.submit(progressGraph(`cg/${promptId}/out`, 3, 20), { promptId, onFrame });
    expect((await tracked.outcome).status).toBe('success');
    const progress = frames.flatMap((frame) => (frame.type === 'progress' ? [`${frame.nodeId} ${frame.value}/${frame.max}`] : []));
    expect(progress).toEqual(['2 1/3', '2 2/3', '2 3/3']);
    const previews = frames.flatMap((frame) => (frame.type === 'preview' ? [frame] : []));
    expect(previews).toHaveLength(3);
    for (const preview of previews) {
      expect(preview.nodeId).toBe('2');
      expect(preview.mimeType).toBe('image/jpeg');
      expect([...preview.image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
    expect(frames[0]?.type).toBe('started');
    expect(frames.at(-1)?.type).toBe('finished');
  });

  it('a plain txt2img graph (fixtures/workflows/plain/sd15-txt2img.json)', async () => {
    const promptId = randomUUID();
    const graph = promptGraphSchema.parse(readFixtureJson('workflows/plain/sd15-txt2img.json'));
    const saver = Object.values(graph).find((node) => node.class_type === 'SaveImage');
    if (!saver) throw new Error('no SaveImage in the fixture');
    saver.inputs.filename_prefix = `cg/${promptId}/out`;
    // A small latent keeps the stand-in's rendering quick; the graph is otherwise the fixture.
    const latent = Object.values(graph).find((node) => node.class_type === 'EmptyLatentImage');
    if (latent) Object.assign(latent.inputs, { width: 64, height: 64 });
    const { frames, onFrame } = frameRecorder();
    const tracked = await client.submit(graph, { promptId, onFrame });
    const outcome = await tracked.outcome;
    expect(outcome.status).toBe('success');
    expect(outcome.status === 'success' && outcome.files.map((file) => `${file.subfolder}/${file.filename}`)).toEqual([`cg/${promptId}/out_00001_.png`]);
    const sampler = frames.flatMap((frame) => (frame.type === 'progress' && frame.nodeId === '3' ? [frame.value] : []));
    expect(sampler.at(-1)).toBe(25);
  });
});

describe('history lagging the terminal frames (COMFYUI.md §3)', () => {
  it('still ends with the outcome history records', async () => {
    const lagging = await startSim({ port: 0, stepMs: 2, historyDelayMs: 300 });
    const laggingClient = new ComfyBackendClient({ baseUrl: lagging.url, clientId: randomUUID().replaceAll('-', ''), pollIntervalMs: 60_000 });
    laggingClient.start();
    try {
      const promptId = randomUUID();
      const tracked = await laggingClient.submit(invertGraph(`cg/${promptId}/out`), { promptId });
      expect((await tracked.outcome).status).toBe('success');
    } finally {
      await laggingClient.close();
      await lagging.stop();
    }
  });
});

describe('J-10 failures', () => {
  it('a 400 throws before anything is tracked; the same id can be submitted once fixed', async () => {
    const promptId = randomUUID();
    const broken = invertGraph(`cg/${promptId}/out`);
    broken['1'] = { class_type: 'EmptyImage', inputs: { width: 0, height: 48, batch_size: 1, color: 0 } };
    await expect(client.submit(broken, { promptId })).rejects.toBeInstanceOf(ComfyValidationError);
    const tracked = await client.submit(invertGraph(`cg/${promptId}/out`), { promptId });
    expect((await tracked.outcome).status).toBe('success');
  });

  it('a partly valid graph is a validation failure naming the prompt ComfyUI queued anyway, which cancel stops', async () => {
    const promptId = randomUUID();
    const graph = { ...progressGraph(`cg/${promptId}/out`, 20, 50), ...loadImageGraph('does_not_exist.png', `cg/${promptId}/bad`) };
    const error = await client.submit(graph, { promptId }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ComfyValidationError);
    expect((error as ComfyValidationError).queuedPromptId).toBe(promptId);
    expect((await client.reconcile(promptId)).state).toBe('alive');
    const stopped = await client.cancel(promptId);
    expect(stopped.state === 'ended' && stopped.outcome.status).toBe('interrupted');
  });

  it('a runtime error names node, exception type and a message without server paths', async () => {
    const promptId = randomUUID();
    const upload = await client.http.uploadImage(new TextEncoder().encode('this is not a png'), {
      name: 'corrupt.png',
      subfolder: `cg/${promptId}`,
    });
    const tracked = await client.submit(loadImageGraph(upload.loadImageValue, `cg/${promptId}/out`), { promptId });
    const outcome = await tracked.outcome;
    if (outcome.status !== 'failed') throw new Error(`expected failed, got ${outcome.status}`);
    expect([outcome.error.kind, outcome.error.nodeId, outcome.error.nodeType]).toEqual(['user', '30', 'LoadImage']);
    expect(outcome.error.exceptionType).toBeTruthy();
    expect(outcome.error.message).not.toMatch(new RegExp(sim.dataDir.replaceAll('/', '\\/')));
    expect(outcome.error.message).not.toMatch(/\n$/);
  });

  it('an injected node failure ends the prompt as failed with that node', async () => {
    sim.faults.set({ failNode: 'ImageInvert' });
    const promptId = randomUUID();
    const tracked = await client.submit(invertGraph(`cg/${promptId}/out`), { promptId });
    const outcome = await tracked.outcome;
    expect(outcome.status === 'failed' && [outcome.error.nodeId, outcome.error.nodeType]).toEqual(['2', 'ImageInvert']);
  });
});

describe('J-8 cancel', () => {
  it('deletes a pending prompt and interrupts only the running one', async () => {
    const runningId = randomUUID();
    const pendingId = randomUUID();
    const running = await client.submit(progressGraph(`cg/${runningId}/out`, 40, 50), { promptId: runningId });
    await frameMatching(running, (frame) => frame.type === 'progress');
    const pending = await client.submit(progressGraph(`cg/${pendingId}/out`, 2, 10), { promptId: pendingId });

    expect(await client.cancel(pendingId)).toEqual({ state: 'deleted' });
    expect(await pending.outcome).toEqual({ status: 'deleted' });

    const cancelled = await client.cancel(runningId);
    expect(cancelled.state === 'ended' && cancelled.outcome.status).toBe('interrupted');
    expect(await running.outcome).toMatchObject({ status: 'interrupted', nodeId: '2', nodeType: 'CaptureProgressPreview' });
    expect(await client.http.getQueue()).toEqual({ queue_running: [], queue_pending: [] });
    expect(await client.http.getHistory(pendingId)).toBeUndefined();
  });

  it('interrupts a node that notices late once, then again only after 1 s, 2 s, … (not every 100 ms)', async () => {
    const promptId = randomUUID();
    // One 2.5 s step: like a ComfyUI node without progress, it notices the interrupt only at its end.
    let onStep: () => void = () => undefined;
    const stepping = new Promise<void>((resolve) => (onStep = resolve));
    await client.submit(progressGraph(`cg/${promptId}/out`, 1, 2500), { promptId, onFrame: (frame) => frame.type === 'executing' && frame.nodeId === '2' && onStep() });
    await stepping;
    const before = sim.requests.count('POST /interrupt');
    const cancelled = await client.cancel(promptId);
    expect(cancelled.state === 'ended' && cancelled.outcome.status).toBe('interrupted');
    expect(sim.requests.count('POST /interrupt') - before).toBe(2);
  });

  it('a prompt that already ended reports its outcome', async () => {
    const promptId = randomUUID();
    const tracked = await client.submit(invertGraph(`cg/${promptId}/out`), { promptId });
    await tracked.outcome;
    const cancelled = await client.cancel(promptId);
    expect(cancelled.state === 'ended' && cancelled.outcome.status).toBe('success');
  });
});
