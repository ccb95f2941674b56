import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSim, type RunningSim } from '../index';
import { isRecord } from '../validation/prompt-graph';
import { RecordingSocket } from '../testing/recording-socket';
import { historyEntry, outputFiles, runPrompt } from '../testing/replay';
import { acceptedPromptId, getPath, postJson } from '../testing/sim-http';

jest.setTimeout(60_000);

const graph = (prefix: string, steps = 1, delay = 0): Record<string, unknown> => ({
  '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color: 255 } },
  '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps, delay_ms: delay } },
  '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
  '4': { class_type: 'PreviewImage', inputs: { images: ['2', 0] } },
});

describe('E-7 backend restart', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim({ testNodes: true, stepMs: 1 });
  });
  afterAll(() => sim.stop());

  it('forgets queue, history, cache, sockets and the counter; wipes temp/; keeps files and the port', async () => {
    const before = await runPrompt(sim.url, { prompt: graph('kept') });
    expect(isRecord(before.answer.json) && before.answer.json.number).toBe(0);
    const socket = await RecordingSocket.open(sim.url);
    const port = sim.port;

    await sim.restart();

    await socket.waitFor(() => socket.isClosed, 'the socket to close');
    expect(sim.port).toBe(port);
    expect((await getPath(sim.url, `/history/${before.promptId}`)).json).toEqual({});
    expect((await getPath(sim.url, '/queue')).json).toEqual({ queue_running: [], queue_pending: [] });
    expect(await readdir(join(sim.dataDir, 'temp'))).toEqual([]);
    expect(await readdir(join(sim.dataDir, 'output'))).toEqual(['kept_00001_.png']);

    const after = await runPrompt(sim.url, { prompt: graph('kept') });
    expect(isRecord(after.answer.json) && after.answer.json.number).toBe(0);
    expect(after.frames.find((frame) => frame.kind === 'text' && frame.type === 'execution_cached')).toMatchObject({ data: { nodes: [] } });
    expect(outputFiles(historyEntry(after.history, after.promptId), '3')).toEqual([{ filename: 'kept_00002_.png', subfolder: '', type: 'output' }]);
  });

  it('loses a running and a pending prompt without a trace', async () => {
    const socket = await RecordingSocket.open(sim.url);
    const running = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: graph('lost-running', 50, 20), client_id: socket.clientId }));
    const pending = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: graph('lost-pending'), client_id: socket.clientId }));
    await socket.waitFor(() => socket.texts('progress').length > 0, 'the first step');

    await sim.restart();

    for (const id of [running, pending]) expect((await getPath(sim.url, `/history/${id}`)).json).toEqual({});
    expect((await getPath(sim.url, '/prompt')).json).toEqual({ exec_info: { queue_remaining: 0 } });
    const files = await readdir(join(sim.dataDir, 'output'));
    expect(files.filter((name) => name.startsWith('lost-'))).toEqual([]);
  });

  it('is reachable through the admin route of a standalone stand-in', async () => {
    const first = await runPrompt(sim.url, { prompt: graph('admin') });
    expect((await postJson(sim.url, '/sim/restart', {})).json).toEqual({ restarted: true });
    const socket = await RecordingSocket.open(sim.url);
    await socket.close();
    expect((await getPath(sim.url, `/history/${first.promptId}`)).json).toEqual({});
  });
});
