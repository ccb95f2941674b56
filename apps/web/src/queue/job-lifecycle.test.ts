import { describe, expect, it } from 'vitest';
import type { JobEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import { jobDetail, outputView } from '../test/jobs';
import { applyJobEvent, liveJobFrom, mergeFetched } from './job-lifecycle';
import type { JobState, LiveJob } from './job-lifecycle';

const ID = 'job-1';
const NOW = Date.UTC(2025, 5, 1, 12, 1, 0);

function job(state: JobState): LiveJob {
  return { ...liveJobFrom(jobDetail(ID)), state };
}

type Step = { [E in JobEventName]: [E, Omit<SocketEventPayload<E>, 'jobId' | 'seq'>] }[JobEventName];

function apply(from: LiveJob, [name, payload]: Step): LiveJob | undefined {
  return applyJobEvent(from, name, { ...payload, jobId: ID, seq: 1 } as SocketEventPayload<typeof name>, NOW);
}

const running: JobState = { status: 'running', progress: null, preview: null };
const progress: Step = ['job.progress', { value: 3, max: 20, node: { id: '5', title: 'KSampler', classType: 'KSampler' }, overall: 0.25 }];

describe('J-5 socket events move a job through the shared state machine', () => {
  it.each<[string, JobState, Step, JobState['status'] | 'ignored']>([
    ['dispatch from the queue', { status: 'queued', position: null }, ['job.dispatched', { backend: 'gpu-1' }], 'dispatched'],
    ['start once dispatched', { status: 'dispatched' }, ['job.started', {}], 'running'],
    ['progress that outran its start event', { status: 'dispatched' }, progress, 'running'],
    ['a first output while running (ingesting)', running, ['job.output', { output: outputView('o1', ID) }], 'ingesting'],
    ['completion straight from running', running, ['job.completed', { outputs: [] }], 'completed'],
    ['failure while running', running, ['job.failed', { error: { kind: 'execution', message: 'CUDA out of memory' } }], 'failed'],
    ['cancel while waiting', { status: 'queued', position: 2 }, ['job.cancelled', {}], 'cancelled'],
    ['back to the queue when its backend was lost', { status: 'dispatched' }, ['job.queued', { position: null }], 'queued'],
    ['nothing after completion', { status: 'completed' }, progress, 'ignored'],
    ['no restart of a failed job', { status: 'failed', error: { kind: 'internal', message: 'x' } }, ['job.started', {}], 'ignored'],
    ['no cancel of a completed job', { status: 'completed' }, ['job.cancelled', {}], 'ignored'],
    ['no dispatch of a running job', running, ['job.dispatched', { backend: 'gpu-2' }], 'ignored'],
  ])('%s', (_case, from, step, expected) => {
    const moved = apply(job(from), step);
    expect(moved?.state.status ?? 'ignored').toBe(expected);
  });

  it('keeps progress with the node name and the latest preview while running', () => {
    const withProgress = apply(job(running), progress);
    const withPreview = withProgress && apply(withProgress, ['job.preview', { image: 'data:image/jpeg;base64,AAA' }]);

    expect(withPreview?.state).toEqual({
      status: 'running',
      progress: { value: 3, max: 20, nodeName: 'KSampler', overall: 0.25 },
      preview: 'data:image/jpeg;base64,AAA',
    });
  });

  it('collects outputs once each, from job.output and job.completed alike', () => {
    const first = outputView('o1', ID);
    const second = outputView('o2', ID);
    const afterOutput = apply(job(running), ['job.output', { output: first }]);
    const completed = afterOutput && apply(afterOutput, ['job.completed', { outputs: [first, second] }]);

    expect(completed?.outputs.map((output) => output.id)).toEqual(['o1', 'o2']);
    expect([completed?.state.status, completed?.outputCount, completed?.timings.finishedAt]).toEqual(['completed', 2, NOW]);
  });

  it('keeps outputs a cancelled job saved before it ended (J-8)', () => {
    const moved = apply(job({ status: 'cancelled' }), ['job.output', { output: outputView('o1', ID) }]);
    expect([moved?.state.status, moved?.outputs.length]).toEqual(['cancelled', 1]);
  });
});

describe('J-6 a job read again meets what the events already said', () => {
  it('keeps a state the events moved further than the answer shows', () => {
    const local = { ...job({ status: 'completed' }), seq: 9 };
    const fetched = liveJobFrom(jobDetail(ID, 'running', { seq: 3 }));

    expect(mergeFetched(local, fetched)).toMatchObject({ state: { status: 'completed' }, seq: 9 });
  });

  it('takes an answer with a later state event, and keeps live progress of the same state', () => {
    const live = { ...job({ status: 'running', progress: { value: 1, max: 2, nodeName: null, overall: 0.5 }, preview: null }), seq: 3 };

    expect(mergeFetched(live, liveJobFrom(jobDetail(ID, 'failed', { seq: 4, error: { kind: 'execution', message: 'boom' } })))).toMatchObject({
      state: { status: 'failed', error: { kind: 'execution', message: 'boom' } },
      seq: 4,
    });
    expect(mergeFetched(live, liveJobFrom(jobDetail(ID, 'running', { seq: 3 }))).state).toEqual(live.state);
  });

  it('follows a job back to the queue (its backend was lost) when the answer is newer', () => {
    const live = { ...job(running), seq: 3 };

    expect(mergeFetched(live, liveJobFrom(jobDetail(ID, 'queued', { seq: 4 }))).state.status).toBe('queued');
  });
});
