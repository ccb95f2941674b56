import { z } from 'zod';
import { jobErrorSchema, outputViewSchema } from './api/generations';

/**
 * J-6: events pushed to the owner's sockets only. Each carries the job id and a per-job
 * sequence number; a client that sees a gap (or reconnects) refetches, so nothing is missed.
 */
const base = { jobId: z.string(), seq: z.number().int() };

export const jobNodeSchema = z.object({ id: z.string(), title: z.string().optional(), classType: z.string().optional() });

export const socketEventSchemas = {
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

export type SocketEventName = keyof typeof socketEventSchemas;
export type SocketEventPayload<E extends SocketEventName> = z.infer<(typeof socketEventSchemas)[E]>;

/** socket.io-client's typed map: event name → listener. */
export type ServerToClientEvents = { [E in SocketEventName]: (payload: SocketEventPayload<E>) => void } & {
  /** The session behind this socket ended (logout elsewhere, revoked, user disabled). */
  'session.ended': () => void;
};

export const SOCKET_EVENT_NAMES = Object.keys(socketEventSchemas) as SocketEventName[];
