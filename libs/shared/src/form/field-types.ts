import { z } from 'zod';
import type { FieldError } from '../contracts/errors';

/**
 * The form a workflow defines (docs/workflows.md): what `parseWorkflow` produces, the api stores with
 * each version and returns, and the web app renders. Values are keyed by `FormField.name`.
 */

export const fieldTypeSchema = z.enum(['string', 'int', 'float', 'boolean', 'choice', 'image']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/** One form value: text, number, switch, choice, or an image upload reference (`null` = none). */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const choiceValueSchema = z.union([z.string(), z.number()]);
export type ChoiceValue = z.infer<typeof choiceValueSchema>;

const nodeInputSchema = z.object({ classType: z.string(), input: z.string() });

/** Where a choice field's list comes from (W-14), so each backend's list can be looked up again. */
export const choiceSourceSchema = z.discriminatedUnion('kind', [
  /** 1. the COMBO options of the inputs the field feeds (several → their intersection). */
  z.object({ kind: z.literal('consumer'), inputs: z.array(nodeInputSchema) }),
  /** 2a. `choice_type` sampler/scheduler → that KSampler input's options. */
  z.object({ kind: z.literal('choiceType'), choiceType: z.string(), classType: z.string(), input: z.string() }),
  /** 2b. `choice_type` naming a model folder (`GET /models/<folder>`); `listed` = a list was supplied. */
  z.object({ kind: z.literal('modelFolder'), folder: z.string(), listed: z.boolean() }),
  /** 3. the marker's own comma-separated `choices`. */
  z.object({ kind: z.literal('marker') }),
  /** 4. nothing offers choices: submitting fails. */
  z.object({ kind: z.literal('none') }),
  /** Parsed without `/object_info`: the list is unknown until a backend's catalogue is applied. */
  z.object({ kind: z.literal('unresolved') }),
]);
export type ChoiceSource = z.infer<typeof choiceSourceSchema>;

export const fieldTargetSchema = z.object({ nodeId: z.string(), input: z.string() });
export type FieldTarget = z.infer<typeof fieldTargetSchema>;

export const formFieldSchema = z.object({
  /** The field key: the trimmed `param_name`, or `<nodeId>.<input>` for plain workflows. */
  name: z.string().min(1),
  label: z.string().min(1),
  type: fieldTypeSchema,
  default: fieldValueSchema,
  min: z.number().optional(),
  max: z.number().optional(),
  /** A UI increment only; never validated (W-9). */
  step: z.number().positive().optional(),
  choices: z.array(choiceValueSchema).optional(),
  choiceSource: choiceSourceSchema.optional(),
  /** The file's default when no live list has it (W-8, "unavailable on every backend"). */
  defaultUnavailable: choiceValueSchema.optional(),
  multiline: z.boolean().optional(),
  /** A randomize switch (W-16) and whether it starts on. */
  randomize: z.object({ initial: z.boolean() }).optional(),
  /** A bypass switch (W-17) and the nodes switching it on removes. */
  bypass: z.object({ nodes: z.array(z.string()) }).optional(),
  /** The graph inputs the value is written to. */
  targets: z.array(fieldTargetSchema),
  /** CozyGen marker nodes behind the field (several when they share a `param_name`, W-13). */
  markerNodeIds: z.array(z.string()),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const outputKindSchema = z.enum(['image', 'video', 'audio', 'preview', 'other']);
export type OutputKind = z.infer<typeof outputKindSchema>;

export const workflowTypeSchema = z.enum(['text-to-image', 'text-to-video', 'image-to-image', 'image-to-video']);
export type WorkflowType = z.infer<typeof workflowTypeSchema>;

/** Where a size, batch or length input of the graph gets its number: a form field, or the graph's own literal. */
export const demandSourceSchema = z.object({ input: z.string(), field: z.string().optional(), value: z.number().optional() });
export type DemandSource = z.infer<typeof demandSourceSchema>;

/** One node that decides how much a run makes (`findRunDemands`): image size, images per run, frames. */
export const runDemandSchema = z.object({
  nodeId: z.string(),
  label: z.string(),
  width: demandSourceSchema.optional(),
  height: demandSourceSchema.optional(),
  batch: demandSourceSchema.optional(),
  frames: demandSourceSchema.optional(),
});
export type RunDemand = z.infer<typeof runDemandSchema>;

export const formSchemaSchema = z.object({
  fields: z.array(formFieldSchema),
  outputs: z.array(z.object({ nodeId: z.string(), classType: z.string(), kind: outputKindSchema })),
  type: workflowTypeSchema,
  source: z.enum(['cozygen', 'plain']),
  /** What the graph asks a backend to make, checked against the admin's caps; absent in forms stored before caps existed. */
  demands: z.array(runDemandSchema).optional(),
});
export type FormSchema = z.infer<typeof formSchemaSchema>;

/** Field key → value, as validated (`validateValues`) or resolved (`resolveValues`). */
export const formValuesSchema = z.record(z.string(), fieldValueSchema);
export type FormValues = z.infer<typeof formValuesSchema>;

/** An import or compile remark that does not stop anything (same shape as a field error). */
export type Warning = FieldError;

/** ±(2^53 − 1): integers beyond cannot be represented exactly in JSON numbers read by JavaScript. */
export const MAX_INT = Number.MAX_SAFE_INTEGER;
