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
  /** When its catalogue (choice lists, node classes) was last read: on coming up, every 10 min, on an admin's refresh. */
  catalogueAt: z.number().nullable(),
  /** Our jobs on it right now. */
  running: z.number(),
  waiting: z.number(),
});
export type BackendView = z.infer<typeof backendViewSchema>;
export const backendListSchema = z.object({ items: z.array(backendViewSchema), queued: z.number() });
export type BackendList = z.infer<typeof backendListSchema>;

/** `POST /api/backends/:id/refresh`: `refreshed` false when no worker stored the new catalogue in time. */
export const backendRefreshSchema = z.object({ refreshed: z.boolean(), backend: backendViewSchema });
export type BackendRefresh = z.infer<typeof backendRefreshSchema>;
