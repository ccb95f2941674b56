import { z } from 'zod';

/** where the studio can be opened — on the machine it runs on, and from other devices on the LAN. */
export const serverUrlsSchema = z.object({
  local: z.url(),
  /** Empty when the api listens on one address only (HOST) or the machine has no LAN address. */
  lan: z.array(z.url()),
});
export type ServerUrls = z.infer<typeof serverUrlsSchema>;
