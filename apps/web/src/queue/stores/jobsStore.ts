import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { createdGenerationsSchema, jobDetailSchema, jobListSchema } from '@app/shared/contracts/api/generations';
import type { CreateGeneration, JobDetail, OutputListItem, OutputView } from '@app/shared/contracts/api/generations';
import { isLiveJobEvent } from '@app/shared/contracts/socket-events';
import type { JobEventName, SocketEventPayload } from '@app/shared/contracts/socket-events';
import { z } from 'zod';
import { describeError } from '../../api/api-error';
import { request } from '../../api/http';
import type { LoadState } from '../../api/load-state';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { reportError } from '../../shell/reportError';
import { applyJobEvent, isActive, liveJobFrom, mergeFetched } from '../job-lifecycle';
import type { LiveJob } from '../job-lifecycle';

const PAGE_SIZE = 30;
/** Above this many new jobs, one list read replaces a read per job. */
const MAX_SINGLE_READS = 20;
/** Outputs remembered for the gallery's "new" notice (G-2). */
const MAX_ARRIVALS = 200;

const cancelAnswerSchema = z.object({ id: z.string(), status: z.string(), cancelRequested: z.boolean() });

/**
 * The user's own jobs, live (J-6, J-7): the api's list and details, moved on by socket events
 * through the shared state machine. A state event numbered at or below the job's seq is a copy or
 * already read, and is dropped; so is a live one (progress, preview) numbered below it. A gap in
 * seq, an event for an unknown job, or a reconnect make it read the api again.
 */
export const useJobsStore = defineStore('jobs', () => {
  const byId = ref<Record<string, LiveJob>>({});
  const details = ref<Record<string, JobDetail>>({});
  const state = ref<LoadState>({ status: 'idle' });
  const nextCursor = ref<string | null>(null);
  const arrivals = ref<OutputListItem[]>([]);
  const reading = new Map<string, Promise<JobDetail>>();

  const jobs = computed(() =>
    Object.values(byId.value).sort((a, b) => b.timings.queuedAt - a.timings.queuedAt || (a.id < b.id ? 1 : -1)),
  );
  const activeJobs = computed(() => jobs.value.filter(isActive));

  function put(job: LiveJob): void {
    byId.value[job.id] = mergeFetched(byId.value[job.id], job);
  }

  async function load(): Promise<void> {
    if (state.value.status !== 'ready') state.value = { status: 'loading' };
    try {
      const page = await request('GET', '/generations', { query: { limit: String(PAGE_SIZE) }, schema: jobListSchema });
      for (const summary of page.items) put(liveJobFrom(summary));
      nextCursor.value = page.nextCursor;
      state.value = { status: 'ready' };
    } catch (error) {
      state.value = { status: 'error', message: describeError(error) };
    }
  }

  async function loadMore(): Promise<void> {
    if (!nextCursor.value) return;
    const page = await request('GET', '/generations', { query: { limit: String(PAGE_SIZE), cursor: nextCursor.value }, schema: jobListSchema });
    for (const summary of page.items) put(liveJobFrom(summary));
    nextCursor.value = page.nextCursor;
  }

  /** Reads one job (single-flight per id) and merges it with what the events said meanwhile. */
  function refresh(id: string): Promise<JobDetail> {
    const pending = reading.get(id);
    if (pending) return pending;
    const read = request('GET', `/generations/${id}`, { schema: jobDetailSchema })
      .then((detail) => {
        details.value[id] = detail;
        put(liveJobFrom(detail));
        return detail;
      })
      .finally(() => reading.delete(id));
    reading.set(id, read);
    return read;
  }

  function refreshQuietly(id: string): void {
    refresh(id).catch(reportError);
  }

  /** After a (re)connect: the list again, plus every job still live that the first page misses. */
  async function resync(): Promise<void> {
    const live = activeJobs.value.map((job) => job.id);
    await load();
    const listed = new Set(jobs.value.slice(0, PAGE_SIZE).map((job) => job.id));
    for (const id of live) if (!listed.has(id)) refreshQuietly(id);
  }

  function noteArrival(job: LiveJob, output: OutputView): void {
    arrivals.value = [{ ...output, workflowId: job.workflowId, workflowName: job.workflowName }, ...arrivals.value].slice(0, MAX_ARRIVALS);
  }

  function applyEvent<E extends JobEventName>(name: E, payload: SocketEventPayload<E>): void {
    const job = byId.value[payload.jobId];
    if (!job) {
      refreshQuietly(payload.jobId);
      return;
    }
    const isLive = isLiveJobEvent(name);
    if (isLive ? payload.seq < job.seq : payload.seq <= job.seq) return;
    const hasGap = payload.seq > job.seq + 1;
    const moved = applyJobEvent(job, name, payload, Date.now()) ?? job;
    // A live event may outrun the state event it is numbered with, which must still apply when it comes.
    byId.value[job.id] = { ...moved, seq: isLive ? job.seq : payload.seq };
    const added = moved.outputs.filter((output) => !job.outputs.some((known) => known.id === output.id));
    for (const output of added) noteArrival(moved, output);
    if (hasGap) refreshQuietly(job.id);
  }

  async function readNew(ids: readonly string[]): Promise<void> {
    if (ids.length > MAX_SINGLE_READS) await load();
    else await Promise.all(ids.map(refresh));
  }

  /** J-3: submits runs; they are in the store (queued) when this resolves. Returns the job ids. */
  async function submit(input: CreateGeneration): Promise<string[]> {
    const created = await request('POST', '/generations', { body: input, schema: createdGenerationsSchema });
    const ids = created.jobs.map((job) => job.id);
    await readNew(ids);
    return ids;
  }

  /** J-8: a queued job ends at once; a running one ends when the backend confirms (an event). */
  async function cancel(id: string): Promise<void> {
    const answer = await request('DELETE', `/generations/${id}`, { schema: cancelAnswerSchema });
    const job = byId.value[id];
    if (answer.status === 'cancelled' && job) byId.value[id] = applyJobEvent(job, 'job.cancelled', { jobId: id, seq: job.seq }, Date.now()) ?? job;
  }

  /** J-9: a new job with the same resolved values, or new draws for randomized fields. */
  async function retry(id: string, newSeed = false): Promise<string> {
    const created = await request('POST', `/generations/${id}/retry`, { body: { newSeed }, schema: createdGenerationsSchema });
    const ids = created.jobs.map((job) => job.id);
    await readNew(ids);
    const [first] = ids;
    if (!first) throw new Error('the api accepted a retry without a job');
    return first;
  }

  /** An output deleted elsewhere (gallery, viewer) disappears from its job too. */
  function forgetOutput(outputId: string): void {
    for (const job of Object.values(byId.value)) {
      if (!job.outputs.some((output) => output.id === outputId)) continue;
      const outputs = job.outputs.filter((output) => output.id !== outputId);
      byId.value[job.id] = { ...job, outputs, outputCount: Math.max(0, job.outputCount - 1) };
    }
    const detail = Object.values(details.value).find((candidate) => candidate.outputs.some((output) => output.id === outputId));
    if (detail) details.value[detail.id] = { ...detail, outputs: detail.outputs.filter((output) => output.id !== outputId) };
    arrivals.value = arrivals.value.filter((output) => output.id !== outputId);
  }

  function reset(): void {
    byId.value = {};
    details.value = {};
    arrivals.value = [];
    nextCursor.value = null;
    state.value = { status: 'idle' };
  }
  resetOnUserChange(reset);

  return { byId, details, jobs, activeJobs, state, nextCursor, arrivals, load, loadMore, refresh, resync, applyEvent, submit, cancel, retry, forgetOutput };
});
