import { z } from 'zod';

/** The claims of an access token: who, which session. Role is re-read from the database. */
export const accessClaimsSchema = z.object({ sub: z.string(), sid: z.string() });
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_ALGORITHM = 'HS256';
