import { z } from 'zod';
import { safeText } from '../safe-text';
import { formValuesSchema } from '../../form/field-types';
import { jsonBytes, MAX_PRESET_VALUES_BYTES, PRESET_NAME_MAX } from '../../presets/preset-limits';

const presetNameSchema = safeText(
  z
    .string()
    .trim()
    .min(1, { message: 'is required' })
    .max(PRESET_NAME_MAX, { message: `must be at most ${PRESET_NAME_MAX} characters` }),
);

/** P-1: 64 KB of values as JSON. */
const presetValuesSchema = formValuesSchema.refine((values) => jsonBytes(values) <= MAX_PRESET_VALUES_BYTES, {
  message: `must be at most ${MAX_PRESET_VALUES_BYTES / 1024} KB as JSON`,
});

export const presetSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  name: z.string(),
  /** Field key → value: all fields, or those chosen when saving. */
  values: formValuesSchema,
  shared: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Preset = z.infer<typeof presetSchema>;

/** Another user's shared preset: read-only, with its owner's display name (U-5). */
export const sharedPresetSchema = presetSchema.omit({ shared: true }).extend({ ownerName: z.string() });
export type SharedPreset = z.infer<typeof sharedPresetSchema>;

export const presetListSchema = z.object({
  /** The caller's own, newest update first. */
  items: z.array(presetSchema),
  /** Others' shared presets for the workflow, newest update first. */
  shared: z.array(sharedPresetSchema),
});
export type PresetList = z.infer<typeof presetListSchema>;

/** P-2: saving under an existing name (ignoring case) overwrites that preset. */
export const savePresetSchema = z.strictObject({
  name: presetNameSchema,
  values: presetValuesSchema,
  shared: z.boolean().optional(),
});
export type SavePreset = z.infer<typeof savePresetSchema>;

export const updatePresetSchema = z
  .strictObject({
    name: presetNameSchema.optional(),
    values: presetValuesSchema.optional(),
    shared: z.boolean().optional(),
  })
  .refine((v) => v.name !== undefined || v.values !== undefined || v.shared !== undefined, { message: 'nothing to change' });
export type UpdatePreset = z.infer<typeof updatePresetSchema>;

/** Copy a shared preset into the caller's presets, under its own name unless another is given. */
export const copyPresetSchema = z.strictObject({ name: presetNameSchema.optional() });
export type CopyPreset = z.infer<typeof copyPresetSchema>;

/** The form's values when applying; the answer merges the preset into them. */
export const applyPresetRequestSchema = z.strictObject({ values: formValuesSchema.default({}) });
export type ApplyPresetRequest = z.infer<typeof applyPresetRequestSchema>;

/** P-3 (see `applyPreset`): what was applied, dropped (no such field any more) and flagged. */
export const applyPresetResponseSchema = z.object({
  values: formValuesSchema,
  applied: z.array(z.string()),
  dropped: z.array(z.string()),
  flagged: z.array(z.object({ field: z.string(), reason: z.enum(['choice-unavailable', 'image-missing', 'invalid']), message: z.string() })),
});
export type ApplyPresetResponse = z.infer<typeof applyPresetResponseSchema>;

/** `file` picks the entry of a CozyGen file when its name does not match the workflow's. */
export const presetImportQuerySchema = z.strictObject({ file: z.string().trim().min(1).max(300).optional() });
export type PresetImportQuery = z.infer<typeof presetImportQuerySchema>;

export const presetImportReportSchema = z.object({
  format: z.enum(['cozy-presets', 'cozygen-v2', 'cozygen']),
  added: z.number().int(),
  /** Presets of the same name (ignoring case) overwritten, as saving does (P-2). */
  replaced: z.number().int(),
  /** Presets and values left out or changed, with why. */
  notices: z.array(
    z.object({
      preset: z.string(),
      problem: z.enum(['output-image', 'unsupported-value', 'invalid-name', 'invalid-values', 'too-large', 'duplicate', 'other-workflow']),
      message: z.string(),
    }),
  ),
});
export type PresetImportReport = z.infer<typeof presetImportReportSchema>;
