import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../form/validate-values';
import { expansionResultSchema } from '../../prompt/expansion-trace';

/** A live preview: the caller's aliases, the worker's own expansion, the form's seed. */
export const expandPromptSchema = z.strictObject({
  text: z.string().max(MAX_TEXT_LENGTH, { message: `must be at most ${MAX_TEXT_LENGTH} characters` }),
  /** The job seed that picks wildcard options (D-4). */
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(0),
  /** The form field the text belongs to: it names the random stream, as in the worker. */
  fieldKey: z.string().trim().min(1).max(200).default('prompt'),
});
export type ExpandPrompt = z.infer<typeof expandPromptSchema>;

export const promptExpansionSchema = expansionResultSchema.extend({
  /** Results combinatorial mode would give (B-6, D-6); 1 without wildcard groups. */
  combinations: z.number().int().positive(),
});
export type PromptExpansion = z.infer<typeof promptExpansionSchema>;
