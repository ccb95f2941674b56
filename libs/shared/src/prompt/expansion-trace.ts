import { z } from 'zod';

/**
 * What one expansion did (A-7, D-4), stored with the job (J-11) and read back as JSON, hence schemas.
 * Positions are UTF-16 offsets into the text the step read: the alias pass (`round`, `pass`) or the
 * wildcard step of `round`; the raw text is round 1's input after comments were removed.
 */
export const aliasTraceEntrySchema = z.object({
  kind: z.literal('alias'),
  field: z.string(),
  round: z.number().int().positive(),
  pass: z.number().int().positive(),
  /** Which of A-4's three steps matched. */
  form: z.enum(['weighted', 'plain', 'bare']),
  position: z.number().int().nonnegative(),
  token: z.string(),
  key: z.string(),
  revision: z.number().int().positive().optional(),
  aliasId: z.string().optional(),
  /** Weight exactly as typed (`0.70` stays). */
  weight: z.string().optional(),
});
export type AliasTraceEntry = z.infer<typeof aliasTraceEntrySchema>;

export const wildcardTraceEntrySchema = z.object({
  kind: z.literal('wildcard'),
  field: z.string(),
  round: z.number().int().positive(),
  position: z.number().int().nonnegative(),
  /** Nesting level, 0 for an outermost group. */
  depth: z.number().int().nonnegative(),
  options: z.number().int().positive(),
  index: z.number().int().nonnegative(),
  /** The chosen option as written (trimmed, before its own groups resolved). */
  chosen: z.string(),
  /** `random`: drawn with generator `prng`; `combination`: given by the caller (D-6). */
  source: z.enum(['random', 'combination']),
  prng: z.number().int().positive(),
});
export type WildcardTraceEntry = z.infer<typeof wildcardTraceEntrySchema>;

export const traceEntrySchema = z.discriminatedUnion('kind', [aliasTraceEntrySchema, wildcardTraceEntrySchema]);
export type TraceEntry = z.infer<typeof traceEntrySchema>;

export const EXPANSION_WARNING_KINDS = [
  'unknown-alias',
  'ambiguous-alias',
  'alias-cycle',
  'alias-pass-limit',
  'round-limit',
  'wildcard-too-deep',
  'wildcard-too-many-options',
] as const;

export const expansionWarningSchema = z.object({
  kind: z.enum(EXPANSION_WARNING_KINDS),
  field: z.string(),
  /** The token or group concerned, as written, when there is one. */
  token: z.string().optional(),
  /** Aliases an ambiguous token could mean. */
  candidates: z.array(z.string()).optional(),
  message: z.string(),
});
export type ExpansionWarning = z.infer<typeof expansionWarningSchema>;
export type ExpansionWarningKind = ExpansionWarning['kind'];

export const expansionResultSchema = z.object({
  text: z.string(),
  trace: z.array(traceEntrySchema),
  warnings: z.array(expansionWarningSchema),
});
export type ExpansionResult = z.infer<typeof expansionResultSchema>;

/** Adds a warning unless one of the same kind for the same token is already listed. */
export function addWarning(warnings: ExpansionWarning[], warning: ExpansionWarning): void {
  const isKnown = warnings.some((w) => w.kind === warning.kind && w.token === warning.token && w.field === warning.field);
  if (!isKnown) warnings.push(warning);
}
