import type { JobDetail, JobError, JobSummary, OutputView } from '@app/shared/contracts/api/generations';
import type { JobEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import { isTerminal, transition } from '@app/shared/jobs/job-state';
import type { JobEvent, JobStatus } from '@app/shared/jobs/job-state';

export interface JobProgress {
  value: number;
  max: number;
  /** The node ComfyUI is executing, by title (else class type); null between nodes. */
  nodeName: string | null;
  /** 0..1 over the whole graph (J-6). */
  overall: number;
}

/**
 * J-5 as the screens need it: one union in which each status carries only what it has — a queue
 * position while waiting, progress and the latest preview while running, the error once failed.
 */
export type JobState =
  | { status: 'queued'; position: number | null }
  | { status: 'dispatched' }
  | { status: 'running'; progress: JobProgress | null; preview: string | null }
  | { status: 'ingesting'; preview: string | null }
  | { status: 'completed' }
  | { status: 'failed'; error: JobError }
  | { status: 'cancelled' };

type RunningState = Extract<JobState, { status: 'running' }>;

/** One of the user's jobs, live: what the api said, moved on by socket events. */
export interface LiveJob {
  id: string;
  workflowId: string;
  workflowName: string;
  seed: number;
  backend: string | null;
  timings: JobSummary['timings'];
  retryOf: string | null;
  outputCount: number;
  /** The outputs known so far, in arrival order. */
  outputs: OutputView[];
  state: JobState;
  /** The seq of the latest state event this reflects: the api's answer's, then each one applied (J-6). */
  seq: number;
}

/** Why a failed job failed when the api recorded no error (should not happen, but must not crash). */
const UNKNOWN_FAILURE: JobError = { kind: 'internal', message: '' };

function stateOf({ status, error, position }: Pick<JobSummary, 'status' | 'error' | 'position'>): JobState {
  switch (status) {
    case 'queued':
      return { status, position };
    case 'running':
      return { status, progress: null, preview: null };
    case 'ingesting':
      return { status, preview: null };
    case 'failed':
      return { status, error: error ?? UNKNOWN_FAILURE };
    default:
      return { status };
  }
}

/** A job as the api lists or details it. */
export function liveJobFrom(job: JobSummary | JobDetail): LiveJob {
  return {
    id: job.id,
    workflowId: job.workflowId,
    workflowName: job.workflowName,
    seed: job.seed,
    backend: job.backend,
    timings: job.timings,
    retryOf: job.retryOf,
    outputCount: job.outputCount,
    // A list item carries only its first output (the cover); the detail carries them all.
    outputs: 'outputs' in job ? job.outputs : job.cover ? [job.cover] : [],
    state: stateOf(job),
    seq: job.seq,
  };
}

function mergeOutputs(known: readonly OutputView[], arrived: readonly OutputView[]): OutputView[] {
  const ids = new Set(known.map((output) => output.id));
  return [...known, ...arrived.filter((output) => !ids.has(output.id))];
}

function next(job: LiveJob, event: JobEvent['type']): JobStatus | undefined {
  return transition(job.state.status, { type: event });
}

/** The job in `running`, entering it from queued or dispatched when the start event was missed. */
function running(job: LiveJob, now: number): { job: LiveJob; state: RunningState } | undefined {
  if (job.state.status === 'running') return { job, state: job.state };
  if (next(job, 'start') !== 'running') return undefined;
  const state: RunningState = { status: 'running', progress: null, preview: null };
  return { job: { ...job, timings: { ...job.timings, startedAt: job.timings.startedAt ?? now }, state }, state };
}

function ended(job: LiveJob, state: JobState, now: number): LiveJob {
  return { ...job, state, timings: { ...job.timings, finishedAt: job.timings.finishedAt ?? now } };
}

type Reducer<E extends JobEventName> = (job: LiveJob, payload: SocketEventPayload<E>, now: number) => LiveJob | undefined;

const REDUCERS: { [E in JobEventName]: Reducer<E> } = {
  'job.queued': (job, { position }) => {
    if (job.state.status === 'queued') return { ...job, state: { status: 'queued', position } };
    if (next(job, 'requeue') !== 'queued') return undefined;
    return { ...job, backend: null, timings: { ...job.timings, dispatchedAt: null, startedAt: null }, state: { status: 'queued', position } };
  },
  'job.dispatched': (job, { backend }, now) => {
    if (next(job, 'dispatch') !== 'dispatched') return undefined;
    return { ...job, backend, timings: { ...job.timings, dispatchedAt: now }, state: { status: 'dispatched' } };
  },
  'job.started': (job, _payload, now) => (job.state.status === 'running' ? undefined : running(job, now)?.job),
  'job.progress': (job, { value, max, node, overall }, now) => {
    const entered = running(job, now);
    if (!entered) return undefined;
    const progress: JobProgress = { value, max, overall, nodeName: node ? (node.title ?? node.classType ?? node.id) : null };
    return { ...entered.job, state: { ...entered.state, progress } };
  },
  'job.preview': (job, { image }, now) => {
    const entered = running(job, now);
    return entered && { ...entered.job, state: { ...entered.state, preview: image } };
  },
  'job.output': (job, { output }) => {
    const outputs = mergeOutputs(job.outputs, [output]);
    const withOutput = { ...job, outputs, outputCount: Math.max(job.outputCount, outputs.length) };
    if (next(job, 'ingest') !== 'ingesting') return withOutput;
    const preview = job.state.status === 'running' ? job.state.preview : null;
    return { ...withOutput, state: { status: 'ingesting', preview } };
  },
  'job.completed': (job, payload, now) => {
    const outputs = mergeOutputs(job.outputs, payload.outputs);
    const from = next(job, 'ingest') ?? job.state.status;
    if (transition(from, { type: 'complete' }) !== 'completed') return undefined;
    return ended({ ...job, outputs, outputCount: Math.max(job.outputCount, outputs.length) }, { status: 'completed' }, now);
  },
  'job.failed': (job, { error }, now) => (next(job, 'fail') === 'failed' ? ended(job, { status: 'failed', error }, now) : undefined),
  'job.cancelled': (job, _payload, now) => (next(job, 'cancel') === 'cancelled' ? ended(job, { status: 'cancelled' }, now) : undefined),
};

/**
 * One socket event applied through the shared state machine. Undefined when it does not apply
 * (a late event for an ended job, an impossible step): the caller keeps the job as it is.
 * @example applyJobEvent(queuedJob, 'job.dispatched', { jobId, seq: 2, backend: 'gpu-1' }, Date.now())?.state // { status: 'dispatched' }
 */
export function applyJobEvent<E extends JobEventName>(job: LiveJob, name: E, payload: SocketEventPayload<E>, now: number): LiveJob | undefined {
  const reduce: Reducer<E> = REDUCERS[name];
  return reduce(job, payload, now);
}

const PROGRESS_RANK: Record<JobStatus, number> = { queued: 0, dispatched: 1, running: 2, ingesting: 3, completed: 4, failed: 4, cancelled: 4 };

/**
 * A job fetched again (after a gap or a reconnect) against what the socket already told. The
 * answer wins unless the events got further: a higher seq (the answer was read before they were
 * sent), or the same seq with a state this browser already moved on (a cancel's answer) or with
 * live progress and a preview, which no answer carries.
 */
export function mergeFetched(local: LiveJob | undefined, fetched: LiveJob): LiveJob {
  if (!local) return fetched;
  const outputs = mergeOutputs(fetched.outputs, local.outputs);
  const merged = { ...fetched, outputs, outputCount: Math.max(fetched.outputCount, outputs.length), seq: Math.max(local.seq, fetched.seq) };
  const isSameState = local.seq === fetched.seq;
  const isLocalAhead = local.seq > fetched.seq || (isSameState && PROGRESS_RANK[local.state.status] > PROGRESS_RANK[fetched.state.status]);
  const isSameLiveStatus = isSameState && local.state.status === fetched.state.status && !isTerminal(local.state.status);
  return isLocalAhead || isSameLiveStatus ? { ...merged, state: local.state, backend: merged.backend ?? local.backend } : merged;
}

export function isActive(job: LiveJob): boolean {
  return !isTerminal(job.state.status);
}
