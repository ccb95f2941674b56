import { startSim, type RunningSim } from '../index';
import { isRecord } from '../validation/prompt-graph';
import { actualFrameTypes, expectedFrameTypes, frameDifferences, historyDifferences, httpDifferences } from '../testing/compare-run';
import { shapeDifferences } from '../testing/compare-shape';
import { RecordingSocket } from '../testing/recording-socket';
import { historyEntry, replayRun } from '../testing/replay';
import { acceptedPromptId, getPath, postJson } from '../testing/sim-http';
import { httpRecord, readTranscript, runRecord, wsFrameSchema } from '../testing/transcripts';


jest.setTimeout(60_000);

/**
 * Replays server B's transcripts (08 binary previews, 09 interrupt and queue delete) against a
 * second fresh stand-in that registers the test node `CaptureProgressPreview`.
 */
describe('J-6 J-8 ComfyUI 0.8.0 conformance, server B', () => {
  let sim: RunningSim;

  beforeAll(async () => {
    sim = await startSim({ customNodes: false, testNodes: true, stepMs: 1 });
  });
  afterAll(() => sim.stop());

  describe('08 binary preview frames', () => {
    const transcript = readTranscript('08-binary-preview-frames.json');

    it('warms the cache with the legacy run’s EmptyImage, as server B had', async () => {
      const socket = await RecordingSocket.open(sim.url);
      const prompt = {
        '1': { class_type: 'EmptyImage', inputs: { width: 32, height: 32, batch_size: 1, color: 3368652 } },
        '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps: 1, delay_ms: 0 } },
        '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: 'warm_up' } },
      };
      const promptId = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt, client_id: socket.clientId }));
      await socket.waitForPromptEnd(promptId);
      await socket.close();
    });

    it.each([
      ['legacy_client_no_feature_flags', /^capture_prev_a_\d{5}_\.png$/],
      ['client_with_supports_preview_metadata', /^capture_prev_b_\d{5}_\.png$/],
    ])('%s: progress_state, progress and preview frames in the captured order and layout', async (name, filenames) => {
      const record = runRecord(transcript[name]);
      const run = await replayRun(sim.url, record);
      expect(httpDifferences(record.response, run.answer)).toEqual([]);
      expect(actualFrameTypes(run.frames)).toEqual(expectedFrameTypes(record.ws_messages));
      expect(frameDifferences(record.ws_messages, run.frames, { promptId: run.promptId, filenames })).toEqual([]);
      const recordedId = isRecord(record.response.json) ? String(record.response.json.prompt_id) : '';
      expect(historyDifferences(historyEntry(record.history, recordedId), historyEntry(run.history, run.promptId), { promptId: run.promptId, filenames })).toEqual([]);
    });
  });

  describe('09 interrupt and queue delete', () => {
    const transcript = readTranscript('09-interrupt-and-queue-delete.json');
    const recordedQueue = httpRecord(transcript.queue_while_running);
    const graphs = isRecord(recordedQueue.json) ? [recordedQueue.json.queue_running, recordedQueue.json.queue_pending].map((items) => (Array.isArray(items) && Array.isArray(items[0]) ? items[0][2] : undefined)) : [];

    it('deletes the pending prompt and interrupts the running one with the captured frames and answers', async () => {
      sim.faults.set({ slowFactor: 10 });
      const socket = await RecordingSocket.open(sim.url);
      const running = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: graphs[0], client_id: socket.clientId }));
      await socket.waitFor(() => socket.texts('executing').some((frame) => frame.data.node === '2'), 'the long node to start');
      const pending = acceptedPromptId(await postJson(sim.url, '/prompt', { prompt: graphs[1], client_id: socket.clientId }));
      await socket.waitFor(() => socket.texts('progress').some((frame) => frame.data.value === 2), 'progress 2');

      const queueWhileRunning = await getPath(sim.url, '/queue');
      const deleted = await postJson(sim.url, '/queue', { delete: [pending] });
      const queueAfterDelete = await getPath(sim.url, '/queue');
      const interrupted = await postJson(sim.url, '/interrupt', { prompt_id: running });
      await socket.waitForPromptEnd(running);
      sim.faults.set({ slowFactor: 1 });
      const history = await getPath(sim.url, `/history/${running}`);
      const deletedHistory = await getPath(sim.url, `/history/${pending}`);
      await socket.close();

      const queueShape = { exact: ['queue_running.*.2', 'queue_running.*.4', 'queue_pending.*.2', 'queue_pending.*.4'], ignore: ['queue_running.*.1', 'queue_pending.*.1', 'queue_running.*.3.client_id', 'queue_pending.*.3.client_id'] };
      expect(shapeDifferences(recordedQueue.json, queueWhileRunning.json, queueShape)).toEqual([]);
      expect(shapeDifferences(httpRecord(transcript.queue_after_delete).json, queueAfterDelete.json, queueShape)).toEqual([]);
      expect(httpDifferences(httpRecord(transcript.delete_pending), deleted)).toEqual([]);
      expect(httpDifferences(httpRecord(transcript.interrupt), interrupted)).toEqual([]);
      expect(httpDifferences(httpRecord(transcript.history_deleted_pending), deletedHistory, { exactJson: true })).toEqual([]);

      const frames = (Array.isArray(transcript.ws_messages) ? transcript.ws_messages : []).map((frame) => wsFrameSchema.parse(frame));
      expect(actualFrameTypes(socket.frames)).toEqual(expectedFrameTypes(frames));
      expect(frameDifferences(frames, socket.frames, { promptId: running })).toEqual([]);
      const recordedHistory = httpRecord(transcript.history_interrupted);
      const recordedId = isRecord(recordedHistory.json) ? Object.keys(recordedHistory.json)[0] ?? '' : '';
      expect(historyDifferences(historyEntry(recordedHistory, recordedId), historyEntry(history, running), { promptId: running })).toEqual([]);
    });
  });
});
