import { z } from 'zod';

/** BullMQ queue names (ARCHITECTURE "The life of a generation"). */
export const QUEUES = { generate: 'generate' } as const;

/** Everything else a run needs is in its database row; the payload only names it. */
export const generatePayloadSchema = z.object({ jobId: z.uuid() });
export type GeneratePayload = z.infer<typeof generatePayloadSchema>;
