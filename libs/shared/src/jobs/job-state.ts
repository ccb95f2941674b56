import { z } from 'zod';

/**
 * J-5: one job lifecycle for the database, api, sockets and UI.
 * `dispatched` = in a backend's queue; `running` = ComfyUI's execution_start for our prompt.
 */
export const JOB_STATUSES = ['queued', 'dispatched', 'running', 'ingesting', 'completed', 'failed', 'cancelled'] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** What can happen to a job. `requeue` returns an in-flight job to the queue (backend lost, J-9). */
export type JobEvent =
  | { type: 'dispatch' }
  | { type: 'start' }
  | { type: 'ingest' }
  | { type: 'complete' }
  | { type: 'fail' }
  | { type: 'cancel' }
  | { type: 'requeue' };

const TRANSITIONS: Record<JobEvent['type'], Partial<Record<JobStatus, JobStatus>>> = {
  dispatch: { queued: 'dispatched' },
  start: { dispatched: 'running', queued: 'running' },
  ingest: { dispatched: 'ingesting', running: 'ingesting' },
  complete: { ingesting: 'completed' },
  fail: { queued: 'failed', dispatched: 'failed', running: 'failed', ingesting: 'failed' },
  cancel: { queued: 'cancelled', dispatched: 'cancelled', running: 'cancelled' },
  requeue: { dispatched: 'queued', running: 'queued' },
};

/**
 * The next status, or undefined when the event does not apply (a late event for an ended job,
 * a duplicate): callers ignore it rather than corrupt the state.
 *
 * @example transition('queued', { type: 'dispatch' }) // 'dispatched'
 */
export function transition(status: JobStatus, event: JobEvent): JobStatus | undefined {
  return TRANSITIONS[event.type][status];
}

/** The statuses an event may leave from, for compare-and-set updates in the database. */
export function statusesAccepting(event: JobEvent['type']): JobStatus[] {
  return Object.keys(TRANSITIONS[event]) as JobStatus[];
}

/** The status an event leads to (each event has exactly one), for compare-and-set updates. */
export function statusAfter(event: JobEvent['type']): JobStatus {
  const [target] = Object.values(TRANSITIONS[event]);
  if (!target) throw new Error(`event ${event} leads nowhere`);
  return target;
}
