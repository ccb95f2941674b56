import type { FieldValue, FormSchema, FormValues } from '../form/field-types';
import { validateValues } from '../form/validate-values';

/** A preset value that was not applied although its field still exists (P-3). */
export interface FlaggedPresetValue {
  field: string;
  reason: 'choice-unavailable' | 'image-missing' | 'invalid';
  message: string;
}

export interface ApplyPresetResult {
  /** The current values with the applied ones merged in. */
  values: FormValues;
  /** Field keys taken from the preset, in the preset's order. */
  applied: string[];
  /** Preset keys the current version has no field for. */
  dropped: string[];
  /** Values left out: a choice no backend offers, an image whose upload is gone, a value that no longer fits. */
  flagged: FlaggedPresetValue[];
}

export interface ApplyPresetOptions {
  /** Whether an image reference still names an upload (or output) of the user; absent → assumed. */
  imageExists?: (reference: string) => boolean;
}

/** One value checked by the form's own rules, as if it were the form's only field. */
function checkOne(schema: FormSchema, key: string, value: FieldValue): { value: FieldValue } | { error: string } {
  const field = schema.fields.find((candidate) => candidate.name === key);
  const checked = validateValues({ ...schema, fields: field ? [field] : [] }, { [key]: value });
  if (checked.ok) return { value: checked.values[key] ?? null };
  return { error: checked.errors[0]?.message ?? 'does not fit the field' };
}

/**
 * Merges a preset into the form (P-3), never mutating either: values for fields that still exist
 * and still fit are applied (choices in the live list's spelling); keys without a field are
 * dropped and listed; choices outside the live list, images whose upload is gone and values the
 * field no longer accepts are left out and flagged. An image field may be cleared (`null`).
 * @example applyPreset(schema, { Steps: 20 }, { Steps: 30, 'Lora 3': 'x' }) // { values: { Steps: 30 }, applied: ['Steps'], dropped: ['Lora 3'], flagged: [] }
 */
export function applyPreset(schema: FormSchema, current: Readonly<FormValues>, preset: Readonly<FormValues>, options: ApplyPresetOptions = {}): ApplyPresetResult {
  const fields = new Map(schema.fields.map((field) => [field.name, field]));
  const values: FormValues = { ...current };
  const result: ApplyPresetResult = { values, applied: [], dropped: [], flagged: [] };
  for (const [key, value] of Object.entries(preset)) {
    const field = fields.get(key);
    if (!field) {
      result.dropped.push(key);
      continue;
    }
    if (field.type === 'image' && value === null) {
      values[key] = null;
      result.applied.push(key);
      continue;
    }
    if (field.type === 'image' && typeof value === 'string' && options.imageExists && !options.imageExists(value)) {
      result.flagged.push({ field: key, reason: 'image-missing', message: 'the image is no longer there' });
      continue;
    }
    const checked = checkOne(schema, key, value);
    if ('error' in checked) {
      result.flagged.push({ field: key, reason: field.type === 'choice' ? 'choice-unavailable' : 'invalid', message: checked.error });
      continue;
    }
    values[key] = checked.value;
    result.applied.push(key);
  }
  return result;
}
