import { z } from 'zod';
import { safeText } from '../safe-text';

/** U-7: `read` own data; `generate` submit/cancel/retry/upload; `admin` (admins only). */
export const TOKEN_SCOPES = ['read', 'generate', 'admin'] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Every API token secret starts with this, so logs and scanners can recognise one. */
export const API_TOKEN_PREFIX = 'cgt_';

export const createTokenSchema = z.strictObject({
  name: safeText(z.string().trim().min(1).max(80)),
  scopes: z.array(tokenScopeSchema).min(1).max(3).default(['read', 'generate']),
  /** Unix ms; absent = never expires. */
  expiresAt: z.number().int().positive().optional(),
});
export type CreateToken = z.infer<typeof createTokenSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** Returned once, at creation: the only time the secret is ever shown. */
export const createdTokenSchema = apiTokenSchema.extend({ secret: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const tokenListSchema = z.object({ items: z.array(apiTokenSchema) });
export type TokenList = z.infer<typeof tokenListSchema>;
