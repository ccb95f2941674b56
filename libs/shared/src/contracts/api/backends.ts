import { z } from 'zod';

/** E-2: what the admin screen shows per backend. */
export const backendViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  slots: z.number(),
  state: z.enum(['unknown', 'up', 'down', 'draining', 'disabled']),
  comfyuiVersion: z.string().nullable(),
  lastError: z.string().nullable(),
  lastSeenAt: z.number().nullable(),
  /** Our jobs on it right now. */
  running: z.number(),
  waiting: z.number(),
});
export type BackendView = z.infer<typeof backendViewSchema>;
export const backendListSchema = z.object({ items: z.array(backendViewSchema), queued: z.number() });
export type BackendList = z.infer<typeof backendListSchema>;
