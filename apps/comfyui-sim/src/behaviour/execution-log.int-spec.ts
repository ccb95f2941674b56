import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExecutionLog } from '../engine/execution-log';
import { startSim, type RunningSim } from '../index';
import { RecordingSocket } from '../testing/recording-socket';
import { runPrompt } from '../testing/replay';
import { postJson } from '../testing/sim-http';

jest.setTimeout(60_000);

const graph = (prefix: string, steps = 1, delay = 0): Record<string, unknown> => ({
  '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color: 255 } },
  '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps, delay_ms: delay } },
  '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
});

describe('execution log: every prompt the stand-in ran, across restarts', () => {
  let dir: string;
  let sim: RunningSim;
  let log: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sim-exec-log-'));
    log = join(dir, 'executions.log');
    sim = await startSim({ testNodes: true, stepMs: 1, executionLog: log, faults: { failText: 'doomed' } });
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const entries = async () => parseExecutionLog(await readFile(log, 'utf8'));

  it('records start and end of each prompt; a prompt lost to a restart has a start only, and its re-run another boot', async () => {
    const ok = await runPrompt(sim.url, { prompt: graph('fine') });
    const failed = await runPrompt(sim.url, { prompt: graph('doomed') });
    const socket = await RecordingSocket.open(sim.url);
    const lost = 'c0ffee00-0000-4000-8000-000000000001';
    await postJson(sim.url, '/prompt', { prompt: graph('lost', 50, 20), client_id: socket.clientId, prompt_id: lost });
    await socket.waitFor(() => socket.texts('progress').length > 0, 'the first step');
    await sim.restart();
    const again = await runPrompt(sim.url, { prompt: graph('lost'), prompt_id: lost });
    expect(again.promptId).toBe(lost);

    const logged = await entries();
    const events = (id: string) => logged.filter((e) => e.promptId === id).map((e) => e.event);
    expect(events(ok.promptId)).toEqual(['start', 'success']);
    expect(events(failed.promptId)).toEqual(['start', 'error']);
    expect(events(lost)).toEqual(['start', 'start', 'success']);
    const boots = logged.filter((e) => e.promptId === lost && e.event === 'start').map((e) => e.boot);
    expect(new Set(boots).size).toBe(2);
    expect(logged.find((e) => e.promptId === ok.promptId)?.boot).toBe(boots[0]);
  });

  it('skips a line cut short by a kill', () => {
    const whole = '{"at":1,"boot":"b","promptId":"p","event":"start"}';
    expect(parseExecutionLog(`${whole}\n{"at":2,"boot":"b","prom`)).toEqual([{ at: 1, boot: 'b', promptId: 'p', event: 'start' }]);
  });
});
