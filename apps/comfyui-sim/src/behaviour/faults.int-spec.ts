import WebSocket from 'ws';
import { startSim, type RunningSim } from '../index';
import { isRecord } from '../validation/prompt-graph';
import { RecordingSocket } from '../testing/recording-socket';
import { historyEntry, historyStatus, runPrompt } from '../testing/replay';
import { acceptedPromptId, getPath, postJson } from '../testing/sim-http';

jest.setTimeout(60_000);

/** EmptyImage → CaptureProgressPreview (`steps` × `delayMs`) → SaveImage. */
function slowGraph(steps: number, delayMs: number, prefix: string): Record<string, unknown> {
  return {
    '1': { class_type: 'EmptyImage', inputs: { width: 16, height: 16, batch_size: 1, color: prefix.length * 1000 + steps } },
    '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps, delay_ms: delayMs } },
    '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
  };
}

describe('E-6 E-7 fault switches', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim({ testNodes: true, stepMs: 1 });
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => sim.stop());

  it.each([
    ['a class type', 'CaptureProgressPreview'],
    ['a node id', '2'],
  ])('failNode by %s raises an execution_error at run time', async (_name, failNode) => {
    sim.faults.set({ failNode });
    const result = await runPrompt(sim.url, { prompt: slowGraph(1, 0, `fail-by-${failNode}`) });
    const error = result.frames.find((frame) => frame.kind === 'text' && frame.type === 'execution_error');
    expect(error?.kind === 'text' && error.data).toMatchObject({ node_id: '2', node_type: 'CaptureProgressPreview', executed: ['1'], exception_type: 'RuntimeError' });
    expect(historyStatus(historyEntry(result.history, result.promptId))).toBe('error');
  });

  it('failText fails only the prompts whose node inputs contain it, at the node that holds it', async () => {
    sim.faults.set({ failText: 'doomed' });
    const doomed = await runPrompt(sim.url, { prompt: slowGraph(1, 0, 'a-doomed-run') });
    const error = doomed.frames.find((frame) => frame.kind === 'text' && frame.type === 'execution_error');
    expect(error?.kind === 'text' && error.data).toMatchObject({ node_id: '3', node_type: 'SaveImage', executed: ['1', '2'] });
    expect(historyStatus(historyEntry(doomed.history, doomed.promptId))).toBe('error');
    const spared = await runPrompt(sim.url, { prompt: slowGraph(1, 0, 'a-spared-run') });
    expect(historyStatus(historyEntry(spared.history, spared.promptId))).toBe('success');
  });

  it('http500 makes every ComfyUI route answer 500 while /sim/faults keeps working', async () => {
    await postJson(sim.url, '/sim/faults', { http500: true });
    expect((await getPath(sim.url, '/system_stats')).status).toBe(500);
    expect((await getPath(sim.url, '/api/queue')).status).toBe(500);
    expect((await getPath(sim.url, '/sim/faults')).json).toMatchObject({ http500: true });
    await postJson(sim.url, '/sim/faults', { http500: false });
    expect((await getPath(sim.url, '/system_stats')).status).toBe(200);
  });

  it('stallMs holds ComfyUI answers back while the admin route answers at once', async () => {
    sim.faults.set({ stallMs: 400 });
    const stalled = getPath(sim.url, '/queue').then(() => 'queue');
    const admin = getPath(sim.url, '/sim/faults').then(() => 'admin');
    expect(await Promise.race([stalled, admin])).toBe('admin');
    expect(await stalled).toBe('queue');
  });

  it('rejects unknown fault keys on the admin route', async () => {
    const answer = await postJson(sim.url, '/sim/faults', { explode: true });
    expect(answer.status).toBe(400);
  });

  it('dropSockets closes every socket now; a new one connects fine', async () => {
    const socket = await RecordingSocket.open(sim.url);
    sim.faults.set({ dropSockets: true });
    await socket.waitFor(() => socket.isClosed, 'the drop');
    expect(sim.faults.get()).not.toHaveProperty('dropSockets');
    const again = await RecordingSocket.open(sim.url);
    await again.close();
  });

  it('dropSocketAfterMs drops the socket during the next prompt; reconnecting gets the running node, then the end', async () => {
    sim.faults.set({ dropSocketAfterMs: 30 });
    const socket = await RecordingSocket.open(sim.url);
    const promptId = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: slowGraph(20, 25, 'dropped'), client_id: socket.clientId }));
    await socket.waitFor(() => socket.isClosed, 'the drop');
    const again = await RecordingSocket.open(sim.url, { clientId: socket.clientId });
    await again.waitForPromptEnd(promptId);
    await again.close();
    expect(again.texts()[1]).toEqual({ kind: 'text', type: 'executing', data: { node: '2' } });
    expect(historyStatus(historyEntry(await getPath(sim.url, `/history/${promptId}`), promptId))).toBe('success');
    expect(sim.faults.get().dropSocketAfterMs).toBeNull();
  });

  it('rejectConnections refuses new sockets and leaves open ones alone', async () => {
    const open = await RecordingSocket.open(sim.url);
    sim.faults.set({ rejectConnections: true });
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${sim.url.replace('http', 'ws')}/ws?clientId=refused`);
      ws.once('open', () => resolve('opened'));
      ws.once('unexpected-response', (_request, response) => resolve(`status ${response.statusCode}`));
      ws.once('error', () => resolve('error'));
    });
    expect(refused).toBe('status 503');
    expect(open.isClosed).toBe(false);
    await open.close();
  });

  it('slowFactor stretches steps: a prompt still completes with the same frames', async () => {
    sim.faults.set({ slowFactor: 3 });
    const result = await runPrompt(sim.url, { prompt: slowGraph(2, 5, 'slow') });
    expect(result.frames.filter((frame) => frame.kind === 'text' && frame.type === 'progress')).toHaveLength(2);
    expect(isRecord(result.answer.json)).toBe(true);
  });
});
