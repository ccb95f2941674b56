import sharp from 'sharp';
import { startSim, type RunningSim } from '../index';
import { isRecord } from '../validation/prompt-graph';
import { RecordingSocket } from '../testing/recording-socket';
import { historyEntry, historyStatus, runPrompt } from '../testing/replay';
import { acceptedPromptId, getPath, postJson, request, upload } from '../testing/sim-http';

jest.setTimeout(60_000);

const invert = (prefix: string, color = 0): Record<string, unknown> => ({
  '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color } },
  '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } },
  '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
});

describe('COMFYUI.md §9 "beyond the transcripts"', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim({ testNodes: true, stepMs: 1, maxUploadSize: 4096 });
  });
  afterAll(() => sim.stop());

  it('writes history before executing null, and only after the configured delay', async () => {
    const delayed = await startSim({ historyDelayMs: 1000 });
    const socket = await RecordingSocket.open(delayed.url);
    const promptId = acceptedPromptId(await postJson(delayed.url, '/prompt', { prompt: invert('delayed', 1), client_id: socket.clientId }));
    await socket.waitFor(() => socket.texts('execution_success').length > 0, 'execution_success');
    const early = await getPath(delayed.url, `/history/${promptId}`);
    await socket.waitForPromptEnd(promptId);
    const late = await getPath(delayed.url, `/history/${promptId}`);
    await socket.close();
    await delayed.stop();
    expect(early.json).toEqual({});
    expect(historyStatus(historyEntry(late, promptId))).toBe('success');
  });

  it('an idle POST /interrupt {} does not stop the next prompt', async () => {
    expect((await postJson(sim.url, '/interrupt', {})).status).toBe(200);
    const result = await runPrompt(sim.url, { prompt: invert('after-idle-interrupt', 2) });
    expect(historyStatus(historyEntry(result.history, result.promptId))).toBe('success');
  });

  it('a targeted interrupt of a prompt that is not running stops nothing', async () => {
    const socket = await RecordingSocket.open(sim.url);
    const graph = { ...invert('not-me', 3), '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps: 3, delay_ms: 20 } } };
    const promptId = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: graph, client_id: socket.clientId }));
    await socket.waitFor(() => socket.texts('progress').length > 0, 'the first step');
    await postJson(sim.url, '/interrupt', { prompt_id: 'someone-else' });
    await socket.waitForPromptEnd(promptId);
    await socket.close();
    expect(socket.texts('execution_success')).toHaveLength(1);
  });

  it('a global interrupt stops whatever runs; deleting one of two pending prompts broadcasts one status', async () => {
    const socket = await RecordingSocket.open(sim.url);
    const slow = { ...invert('global', 8), '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps: 50, delay_ms: 20 } } };
    const running = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: slow, client_id: socket.clientId }));
    const first = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: invert('queued', 9), client_id: socket.clientId }));
    const second = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: invert('queued', 10), client_id: socket.clientId }));
    await socket.waitFor(() => socket.texts('progress').length > 0, 'the first step');
    const statusesBefore = socket.texts('status').length;
    await postJson(sim.url, '/queue', { delete: [first] });
    await socket.waitFor(() => socket.texts('status').length > statusesBefore, 'the delete status');
    await postJson(sim.url, '/interrupt', {});
    await socket.waitForPromptEnd(running);
    await socket.waitForPromptEnd(second);
    await socket.close();
    expect(socket.texts('status').slice(statusesBefore, statusesBefore + 2).map((frame) => frame.data.status)).toEqual([{ exec_info: { queue_remaining: 2 } }, { exec_info: { queue_remaining: 1 } }]);
    expect(socket.texts('execution_interrupted')).toHaveLength(1);
    expect(socket.texts('execution_success')).toHaveLength(1);
  });

  it('drops frames for a client id with no socket; others see only status', async () => {
    const observer = await RecordingSocket.open(sim.url);
    const promptId = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: invert('nobody', 4), client_id: 'nobody-listens' }));
    await observer.waitFor(() => observer.texts('status').length === 4, 'queued, taken and finished');
    await observer.close();
    expect(observer.frames.every((frame) => frame.kind === 'text' && frame.type === 'status')).toBe(true);
    expect(historyStatus(historyEntry(await getPath(sim.url, `/history/${promptId}`), promptId))).toBe('success');
  });

  it('answers 413 above max_upload_size, for prompts and uploads alike', async () => {
    const big = 'x'.repeat(5000);
    const prompt = await postJson(sim.url, '/prompt', { prompt: invert(big) });
    const file = await upload(sim.url, { name: 'big.png', bytes: Buffer.alloc(5000) });
    expect([prompt.status, file.status]).toEqual([413, 413]);
    expect((await getPath(sim.url, '/features')).json).toMatchObject({ max_upload_size: 4096 });
  });

  it('dedupes an upload of identical bytes under the existing name', async () => {
    const bytes = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#123456' } }).png().toBuffer();
    const first = await upload(sim.url, { name: 'same.png', bytes });
    const second = await upload(sim.url, { name: 'same.png', bytes });
    expect([first.json, second.json]).toEqual([
      { name: 'same.png', subfolder: '', type: 'input' },
      { name: 'same.png', subfolder: '', type: 'input' },
    ]);
  });

  it.each([
    ['a name with ..', '/view?filename=../secret.png', 400],
    ['a leading slash', '/view?filename=/etc/passwd', 400],
    ['an unknown type', '/view?filename=a.png&type=models', 400],
    ['a subfolder leaving the folder', '/view?filename=a.png&subfolder=../input', 403],
    ['a missing file', '/view?filename=nothing.png', 404],
  ])('/view refuses %s (%s) with a bodyless %d', async (_name, path, status) => {
    const answer = await getPath(sim.url, path);
    expect([answer.status, answer.contentType, answer.body.length]).toEqual([status, 'application/octet-stream', 0]);
  });

  it('/view serves byte ranges', async () => {
    const result = await runPrompt(sim.url, { prompt: invert('ranged', 5) });
    expect(historyStatus(historyEntry(result.history, result.promptId))).toBe('success');
    const whole = await getPath(sim.url, '/view?filename=ranged_00001_.png');
    const part = await request(sim.url, '/view?filename=ranged_00001_.png', { headers: { Range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${whole.body.length}`);
    expect(part.body.equals(whole.body.subarray(0, 8))).toBe(true);
  });

  it('lists model folders and answers 404 for an unknown one', async () => {
    const folders = await getPath(sim.url, '/models');
    expect(folders.json).toEqual(expect.arrayContaining(['checkpoints', 'loras', 'vae', 'text_encoders', 'diffusion_models', 'unet_gguf']));
    const loras = await getPath(sim.url, '/models/loras');
    expect(loras.json).toEqual(expect.arrayContaining(['styles/watercolor-sd15.safetensors', 'WAN/Wan2.2-Lightning_I2V-A14B-4steps-lora_HIGH_fp16.safetensors']));
    expect((await getPath(sim.url, '/models/nope')).status).toBe(404);
  });

  it('keeps a client-chosen prompt id and replaces its history entry when it runs again', async () => {
    const first = await runPrompt(sim.url, { prompt: invert('same-id', 6), prompt_id: 'job-1' });
    const second = await runPrompt(sim.url, { prompt: invert('same-id', 7), prompt_id: 'job-1' });
    expect([first.promptId, second.promptId]).toEqual(['job-1', 'job-1']);
    const entry = historyEntry(second.history, 'job-1');
    expect(isRecord(entry) && Array.isArray(entry.prompt) && entry.prompt[0]).toBe(isRecord(second.answer.json) ? second.answer.json.number : -1);
  });
});
