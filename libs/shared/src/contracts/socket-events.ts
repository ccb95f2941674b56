import { z } from 'zod';
import { jobErrorSchema, outputViewSchema } from './api/generations';
import { tagImportProgressSchema, tagListChangedSchema } from './api/tags';

/**
 * J-6: events pushed to the owner's sockets only. Each carries the job id and a per-job
 * sequence number: a state event (all but progress and previews) has the next one, 1, 2, 3 …
 * with no hole, and is delivered at least once; a live event carries the number of the state
 * event it follows. A client that sees a gap (or reconnects) reads the job again; a state event
 * numbered at or below what it has is a copy and is dropped.
 */
const base = { jobId: z.string(), seq: z.number().int() };

export const jobNodeSchema = z.object({ id: z.string(), title: z.string().optional(), classType: z.string().optional() });

export const jobEventSchemas = {
  'job.queued': z.object({ ...base, position: z.number().int().nullable() }),
  'job.dispatched': z.object({ ...base, backend: z.string() }),
  'job.started': z.object({ ...base }),
  'job.progress': z.object({ ...base, value: z.number(), max: z.number(), node: jobNodeSchema.nullable(), overall: z.number().min(0).max(1) }),
  /** ≤ 512 px JPEG as a data URL, ≤ 4/s per job. */
  'job.preview': z.object({ ...base, image: z.string() }),
  'job.output': z.object({ ...base, output: outputViewSchema }),
  'job.completed': z.object({ ...base, outputs: z.array(outputViewSchema) }),
  'job.failed': z.object({ ...base, error: jobErrorSchema }),
  'job.cancelled': z.object({ ...base }),
} as const;

/** Every event the server pushes: the job events and events about what the user is doing right now. */
export const socketEventSchemas = {
  ...jobEventSchemas,
  /** T-1/T-2: to the sockets of the admin whose import runs, ≤ 10/s plus one at each new phase. */
  'tags.import.progress': tagImportProgressSchema,
  /** T-1: to every signed-in socket once another tag list is served, so browsers drop cached answers. */
  'tags.list.changed': tagListChangedSchema,
} as const;

export type SocketEventName = keyof typeof socketEventSchemas;
export type JobEventName = keyof typeof jobEventSchemas;
export type SocketEventPayload<E extends SocketEventName> = z.infer<(typeof socketEventSchemas)[E]>;

/** socket.io-client's typed map: event name → listener. */
export type ServerToClientEvents = { [E in SocketEventName]: (payload: SocketEventPayload<E>) => void } & {
  /** The session behind this socket ended (logout elsewhere, revoked, user disabled). */
  'session.ended': () => void;
};

export const JOB_EVENT_NAMES = Object.keys(jobEventSchemas) as JobEventName[];

/** Progress and previews matter only while fresh: sent as they happen, never stored, not numbered on their own. */
export const LIVE_JOB_EVENTS = ['job.progress', 'job.preview'] as const satisfies readonly JobEventName[];
export type LiveJobEventName = (typeof LIVE_JOB_EVENTS)[number];

export function isLiveJobEvent(name: JobEventName): name is LiveJobEventName {
  return (LIVE_JOB_EVENTS as readonly JobEventName[]).includes(name);
}
