import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureJson, fixturePath } from '@test/fixtures';
import { startSim } from '../../../../apps/comfyui-sim/src/index';
import { capabilitiesFrom } from './capabilities';
import {
  ComfyRequestError,
  ComfyServerError,
  ComfyTimeoutError,
  ComfyUnreachableError,
  ComfyValidationError,
  isTransientComfyError,
} from './comfy-errors';
import { ComfyHttp } from './comfy-http';
import { invertGraph } from './testing/comfy-test-kit';

jest.setTimeout(30_000);

type Sim = Awaited<ReturnType<typeof startSim>>;

let sim: Sim;
let http: ComfyHttp;
let scratch: string;

beforeAll(async () => {
  sim = await startSim({ port: 0, testNodes: true, stepMs: 1 });
  http = new ComfyHttp(sim.url);
  scratch = await mkdtemp(join(tmpdir(), 'comfy-http-'));
});

afterAll(async () => {
  await sim.stop();
  await rm(scratch, { recursive: true, force: true });
});

afterEach(() => {
  sim.faults.clear();
});

/** Settles a promise into a value so a test can assert on a rejection's class. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('E-2/E-3 health, version and capabilities', () => {
  it('reads /system_stats and /features into capabilities', async () => {
    const [stats, features] = await Promise.all([http.getSystemStats(), http.getFeatures()]);
    expect(capabilitiesFrom(stats, features)).toMatchObject({ version: '0.8.0', targetedInterrupt: true, previewMetadata: true });
    expect(stats.devices.length).toBeGreaterThan(0);
  });

  it('caches /object_info until refreshed', async () => {
    const first = await http.getObjectInfo();
    expect(first.skipped).toEqual([]);
    expect(Object.keys(first.objectInfo)).toEqual(expect.arrayContaining(['EmptyImage', 'KSampler', 'SaveImage', 'CaptureProgressPreview']));
    expect(await http.getObjectInfo()).toBe(first);
    const refreshed = await http.getObjectInfo({ refresh: true });
    expect(refreshed).not.toBe(first);
    expect(Object.keys(refreshed.objectInfo)).toHaveLength(Object.keys(first.objectInfo).length);
  });

  it('fetches /object_info again once the cached copy is older than its TTL', async () => {
    const uncached = new ComfyHttp(sim.url, { objectInfoTtlMs: 0 });
    const first = await uncached.getObjectInfo();
    expect(await uncached.getObjectInfo()).not.toBe(first);
  });

  it('lists a model folder', async () => {
    expect(await http.listModels('checkpoints')).toContain('v1-5-pruned-emaonly.safetensors');
  });
});

describe('E-5 uploads into cg/<jobId>', () => {
  const png = readFile(fixturePath('comfyui-real/01-output-sample.png'));

  it('answers the LoadImage value, renames on new bytes and keeps the name with overwrite', async () => {
    const jobId = randomUUID();
    const bytes = await png;
    const first = await http.uploadImage(bytes, { name: 'source.png', subfolder: `cg/${jobId}` });
    expect(first).toEqual({ name: 'source.png', subfolder: `cg/${jobId}`, type: 'input', loadImageValue: `cg/${jobId}/source.png` });
    const changed = Uint8Array.from([...bytes, 0]);
    expect((await http.uploadImage(changed, { name: 'source.png', subfolder: `cg/${jobId}` })).name).toBe('source (1).png');
    expect((await http.uploadImage(changed, { name: 'source.png', subfolder: `cg/${jobId}`, overwrite: true })).name).toBe('source.png');
    expect(await readFile(join(sim.dataDir, 'input', 'cg', jobId, 'source.png'))).toEqual(Buffer.from(changed));
  });

  it('streams a file from disk', async () => {
    const path = join(scratch, 'from-disk.png');
    await writeFile(path, await png);
    const uploaded = await http.uploadImage(await openAsBlob(path), { name: 'from-disk.png' });
    expect(uploaded.loadImageValue).toBe('from-disk.png');
    expect(await readFile(join(sim.dataDir, 'input', 'from-disk.png'))).toEqual(await png);
  });

  it('streams a web ReadableStream', async () => {
    const bytes = await png;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 100));
        controller.enqueue(bytes.subarray(100));
        controller.close();
      },
    });
    await http.uploadImage(stream, { name: 'streamed.png', type: 'temp' });
    expect(await readFile(join(sim.dataDir, 'temp', 'streamed.png'))).toEqual(bytes);
  });

  it.each(['../escape.png', 'a/b.png', '', 'quote".png'])('refuses the file name %j before sending', (name) => {
    expect(() => http.uploadImage(Uint8Array.of(1), { name })).toThrow(RangeError);
  });
});

describe('J-10 validation answers', () => {
  it('maps a 400 to node ids and input names', async () => {
    const graph = invertGraph('cg/x/out');
    graph['1'] = { class_type: 'EmptyImage', inputs: { width: 0, height: 99999, batch_size: 1, color: 0 } };
    const error = await failure(http.submitPrompt(graph, { promptId: randomUUID(), clientId: 'tester' }));
    expect(error).toBeInstanceOf(ComfyValidationError);
    const validation = error as ComfyValidationError;
    expect(validation.kind).toBe('user');
    expect(validation.queuedPromptId).toBeUndefined();
    expect(validation.problems().map((problem) => [problem.nodeId, problem.inputName, problem.type])).toEqual([
      ['1', 'width', 'value_smaller_than_min'],
      ['1', 'height', 'value_bigger_than_max'],
    ]);
  });

  it('reports a prompt-level problem when no node carries one', async () => {
    const error = await failure(http.submitPrompt({ '1': { class_type: 'NoSuchNode', inputs: {} } }, { promptId: randomUUID(), clientId: 'tester' }));
    expect((error as ComfyValidationError).problems()).toEqual([
      { type: 'invalid_prompt', message: 'Cannot execute because node NoSuchNode does not exist.', details: "Node ID '#1'" },
    ]);
  });

  it('treats a 200 with node_errors as a validation failure naming the queued prompt', async () => {
    const mixed = readFixtureJson('comfyui-real/05-invalid-prompts.json') as {
      mixed_valid_and_invalid_outputs: { request: { json: { prompt: ReturnType<typeof invertGraph> } } };
    };
    const promptId = randomUUID();
    const error = await failure(http.submitPrompt(mixed.mixed_valid_and_invalid_outputs.request.json.prompt, { promptId, clientId: 'tester' }));
    expect(error).toBeInstanceOf(ComfyValidationError);
    expect((error as ComfyValidationError).queuedPromptId).toBe(promptId);
    expect((error as ComfyValidationError).problems()[0]).toMatchObject({ nodeId: '20', inputName: 'image', type: 'custom_validation_failed' });
  });
});

describe('downloads', () => {
  it('a missing output is a permanent 404 and leaves no file behind', async () => {
    const destination = join(scratch, 'missing', 'out.png');
    const error = await failure(http.downloadOutput({ filename: 'nope.png', subfolder: '', type: 'output' }, destination));
    expect(error).toBeInstanceOf(ComfyRequestError);
    expect((error as ComfyRequestError).status).toBe(404);
    expect(await readdir(join(scratch, 'missing')).catch(() => [])).toEqual([]);
  });

  it('a download that stops moving bytes times out and leaves no file behind', async () => {
    sim.faults.set({ stallMs: 1_000 });
    const impatient = new ComfyHttp(sim.url, { timeouts: { transferIdleMs: 100 } });
    const destination = join(scratch, 'stalled', 'out.png');
    const error = await failure(impatient.downloadOutput({ filename: 'any.png', subfolder: '', type: 'output' }, destination));
    expect(error).toBeInstanceOf(ComfyTimeoutError);
    expect(await readdir(join(scratch, 'stalled')).catch(() => [])).toEqual([]);
  });
});

describe('J-9 infrastructure failures are transient', () => {
  it('a 500 from the backend', async () => {
    sim.faults.set({ http500: true });
    const error = await failure(http.getQueue());
    expect(error).toBeInstanceOf(ComfyServerError);
    expect(isTransientComfyError(error)).toBe(true);
  });

  it('a backend slower than the route limit', async () => {
    sim.faults.set({ stallMs: 1_000 });
    const impatient = new ComfyHttp(sim.url, { timeouts: { historyMs: 100 } });
    const error = await failure(impatient.getHistory(randomUUID()));
    expect(error).toBeInstanceOf(ComfyTimeoutError);
    expect(isTransientComfyError(error)).toBe(true);
  });

  it('a transfer that stops moving bytes', async () => {
    sim.faults.set({ stallMs: 1_000 });
    const impatient = new ComfyHttp(sim.url, { timeouts: { transferIdleMs: 100 } });
    const error = await failure(impatient.uploadImage(Uint8Array.of(1, 2, 3), { name: 'stalled.png' }));
    expect(error).toBeInstanceOf(ComfyTimeoutError);
  });

  it('a port nobody listens on', async () => {
    const nobody = await startSim({ port: 0 });
    const url = nobody.url;
    await nobody.stop();
    const told: ComfyUnreachableError[] = [];
    const error = await failure(new ComfyHttp(url, { onUnreachable: (unreachable) => told.push(unreachable) }).submitPrompt({}, { promptId: randomUUID(), clientId: 'c' }));
    expect(error).toBeInstanceOf(ComfyUnreachableError);
    expect(isTransientComfyError(error)).toBe(true);
    // Refused: the prompt provably never arrived, and the backend is gone (E-2).
    expect(error).toMatchObject({ code: 'ECONNREFUSED', notSent: true, backendGone: true });
    expect(told).toEqual([error]);
  });

  it('a backend that drops the connection mid-request: gone, but the request may have arrived', async () => {
    const dropping = await startSim({ port: 0, faults: { stallMs: 5_000 } });
    const pending = failure(new ComfyHttp(dropping.url).submitPrompt({}, { promptId: randomUUID(), clientId: 'c' }));
    while (dropping.requests.count('POST /prompt') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await dropping.stop();
    const error = await pending;
    expect(error).toBeInstanceOf(ComfyUnreachableError);
    expect(error).toMatchObject({ notSent: false, backendGone: true });
  });

  it('an abort by the caller passes through unchanged', async () => {
    sim.faults.set({ stallMs: 1_000 });
    const reason = new Error('job cancelled');
    const error = await failure(http.getQueue(AbortSignal.abort(reason)));
    expect(error).toBe(reason);
  });
});
