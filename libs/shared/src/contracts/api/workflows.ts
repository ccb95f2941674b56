import { z } from 'zod';
import { formSchemaSchema, formValuesSchema, workflowTypeSchema } from '../../form/field-types';
import { safeText } from '../safe-text';
import { runLimitsSchema } from '../../form/run-limits';

const warningSchema = z.object({ field: z.string(), message: z.string() });

export const workflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: workflowTypeSchema,
  source: z.enum(['cozygen', 'plain']),
  version: z.number().int(),
  updatedAt: z.number(),
});
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

export const workflowListSchema = z.object({ items: z.array(workflowSummarySchema) });
export type WorkflowList = z.infer<typeof workflowListSchema>;

/**
 * A workflow with its form: fields in display order, choices live from the backends (W-14), and
 * the admin's caps its runs must keep to (`checkRunLimits` in the browser, before submitting).
 */
export const workflowDetailSchema = workflowSummarySchema.extend({
  schema: formSchemaSchema,
  warnings: z.array(warningSchema),
  limits: runLimitsSchema,
});
export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;

const nameSchema = safeText(z.string().trim().min(1).max(120));
const descriptionSchema = safeText(z.string().trim().max(2000), { multiline: true });

/** W-1: an API-format export; the graph is checked by parseWorkflow, not by this schema. */
export const createWorkflowSchema = z.strictObject({
  name: nameSchema,
  description: descriptionSchema.optional(),
  type: workflowTypeSchema.optional(),
  graph: z.unknown(),
});
export type CreateWorkflow = z.infer<typeof createWorkflowSchema>;

/** A new graph makes a new version (W-2); name, description and type are edited in place. */
export const updateWorkflowSchema = z
  .strictObject({
    name: nameSchema.optional(),
    description: descriptionSchema.optional(),
    type: workflowTypeSchema.optional(),
    graph: z.unknown().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateWorkflow = z.infer<typeof updateWorkflowSchema>;

/** The same three parts wherever values are submitted: values, randomize and bypass switches. */
export const submittedValuesSchema = z.strictObject({
  values: formValuesSchema.default({}),
  randomize: z.array(z.string()).max(200).optional(),
  bypass: z.array(z.string()).max(200).optional(),
});

export const compileRequestSchema = submittedValuesSchema.extend({
  /** Job seed for wildcard choices when no seed field decides it. */
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type CompileRequest = z.infer<typeof compileRequestSchema>;

export const compileResponseSchema = z.object({
  graph: z.record(z.string(), z.unknown()),
  seed: z.number(),
  values: formValuesSchema,
  prompts: z.array(z.object({ field: z.string(), raw: z.string(), expanded: z.string() })),
});
export type CompileResponse = z.infer<typeof compileResponseSchema>;

/** U-8: the last submitted values and switches of one user for one workflow. */
export const workflowMemorySchema = z.object({
  values: formValuesSchema,
  randomize: z.array(z.string()),
  bypass: z.array(z.string()),
  updatedAt: z.number().nullable(),
});
export type WorkflowMemory = z.infer<typeof workflowMemorySchema>;
