import { z } from 'zod';
import { formValuesSchema } from '../../form/field-types';
import { jobStatusSchema } from '../../jobs/job-state';
import { mediaKindSchema, outputMediaUrlsSchema } from './media';
import { submittedValuesSchema } from './workflows';

/** B-2: 1–1000 runs per submission. */
export const MAX_RUNS_PER_SUBMISSION = 1000;

export const createGenerationSchema = submittedValuesSchema.extend({
  workflowId: z.uuid({ message: 'must be a workflow id' }),
  count: z.number().int().min(1).max(MAX_RUNS_PER_SUBMISSION).default(1),
});
export type CreateGeneration = z.infer<typeof createGenerationSchema>;

export const createdGenerationsSchema = z.object({ jobs: z.array(z.object({ id: z.string() })) });
export type CreatedGenerations = z.infer<typeof createdGenerationsSchema>;

/** Why a job failed, mapped to form fields when ComfyUI rejected a node (J-10). */
export const jobErrorSchema = z.object({
  kind: z.enum(['validation', 'execution', 'interrupted', 'infrastructure', 'compile', 'internal']),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  node: z.object({ id: z.string(), title: z.string().optional(), classType: z.string().optional() }).optional(),
  exceptionType: z.string().optional(),
});
export type JobError = z.infer<typeof jobErrorSchema>;


export const outputViewSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  kind: mediaKindSchema,
  mime: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  bytes: z.number(),
  nodeId: z.string(),
  thumbhash: z.string().nullable(),
  createdAt: z.number(),
  urls: outputMediaUrlsSchema,
});
export type OutputView = z.infer<typeof outputViewSchema>;

export const jobTimingsSchema = z.object({
  queuedAt: z.number(),
  dispatchedAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  ingestedAt: z.number().nullable(),
});

export const jobPromptSchema = z.object({ field: z.string(), raw: z.string(), expanded: z.string(), trace: z.array(z.unknown()) });
export type JobPrompt = z.infer<typeof jobPromptSchema>;

export const jobSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  workflowName: z.string(),
  workflowVersion: z.number(),
  status: jobStatusSchema,
  /** J-7: place in the dispatch order while queued (1 = next), else null. */
  position: z.number().int().positive().nullable(),
  seed: z.number(),
  backend: z.string().nullable(),
  error: jobErrorSchema.nullable(),
  timings: jobTimingsSchema,
  retryOf: z.string().nullable(),
  outputCount: z.number(),
  /** The job's first output, for lists (null until it has one). */
  cover: outputViewSchema.nullable(),
  /** J-6: the seq of its latest state event; socket events numbered up to it are already in this answer. */
  seq: z.number().int(),
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobDetailSchema = jobSummarySchema.extend({
  values: formValuesSchema,
  randomize: z.array(z.string()),
  bypass: z.array(z.string()),
  resolvedValues: formValuesSchema,
  prompts: z.array(jobPromptSchema),
  outputs: z.array(outputViewSchema),
  attempts: z.number(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobListSchema = z.object({ items: z.array(jobSummarySchema), nextCursor: z.string().nullable() });
export type JobList = z.infer<typeof jobListSchema>;

export const pageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const outputListItemSchema = outputViewSchema.extend({ workflowId: z.string(), workflowName: z.string() });
export type OutputListItem = z.infer<typeof outputListItemSchema>;
export const outputListSchema = z.object({ items: z.array(outputListItemSchema), nextCursor: z.string().nullable() });
export type OutputList = z.infer<typeof outputListSchema>;

export const outputQuerySchema = pageQuerySchema.extend({ workflowId: z.uuid().optional() });
export type OutputQuery = z.infer<typeof outputQuerySchema>;

/** An output with its full lineage: the job that made it (J-11, G-7). */
export const outputDetailSchema = z.object({ output: outputViewSchema, job: jobDetailSchema });
export type OutputDetail = z.infer<typeof outputDetailSchema>;

export const thumbQuerySchema = z.strictObject({ size: z.enum(['256', '768']).default('256') });
