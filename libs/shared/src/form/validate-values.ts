import type { FieldError } from '../contracts/errors';
import { hasKnownChoices, matchChoice, normalizeModelPath } from '../workflow/choice-lists';
import { fieldActivity } from './field-activity';
import { MAX_INT } from './field-types';
import type { FieldValue, FormField, FormSchema, FormValues } from './field-types';

/** The longest text a string field accepts. */
export const MAX_TEXT_LENGTH = 20_000;

/** An image value names an upload (its id or reference), never a path on a backend. */
const IMAGE_REFERENCE = /^[^\u0000-\u001f]{1,512}$/;

export interface ValidateValuesOptions {
  /** Bypass switches that are on: bypassed and thereby inactive fields are not checked (W-17). */
  bypass?: readonly string[];
}

export type ValidateValuesResult = { ok: true; values: FormValues; defaulted: string[] } | { ok: false; errors: FieldError[] };

type Checked = { value: FieldValue } | { error: string };

function checkNumber(field: FormField, value: unknown): Checked {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { error: field.type === 'int' ? 'must be an integer' : 'must be a number' };
  if (field.type === 'int' && !Number.isInteger(value)) return { error: 'must be an integer' };
  const min = field.type === 'int' ? Math.max(field.min ?? -MAX_INT, -MAX_INT) : field.min;
  const max = field.type === 'int' ? Math.min(field.max ?? MAX_INT, MAX_INT) : field.max;
  if (min !== undefined && value < min) return { error: `must be at least ${min}` };
  if (max !== undefined && value > max) return { error: `must be at most ${max}` };
  return { value };
}

function checkChoice(field: FormField, value: unknown): Checked {
  if (typeof value !== 'string' && typeof value !== 'number') return { error: 'must be one of the choices' };
  if (!hasKnownChoices(field.choiceSource)) return typeof value === 'string' ? { value: normalizeModelPath(value) } : { value };
  const choices = field.choices ?? [];
  if (choices.length === 0) return { error: 'no choices available' };
  const match = matchChoice(value, choices);
  return match === undefined ? { error: `${JSON.stringify(value)} is not one of the choices` } : { value: match };
}

/** One submitted value against its field; `undefined` means "not given". */
function checkValue(field: FormField, value: unknown): Checked {
  if (value === undefined) {
    if (field.type === 'image') return { error: 'Image required' };
    return field.type === 'choice' ? checkChoice(field, field.default) : { value: field.default };
  }
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') return { error: 'must be text' };
      return value.length > MAX_TEXT_LENGTH ? { error: `must be at most ${MAX_TEXT_LENGTH} characters` } : { value };
    case 'int':
    case 'float':
      return checkNumber(field, value);
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'choice':
      return checkChoice(field, value);
    case 'image':
      if (value === null || value === '') return { error: 'Image required' };
      return typeof value === 'string' && IMAGE_REFERENCE.test(value) ? { value } : { error: 'must be an image upload reference' };
  }
}

/**
 * Submitted values against the form (J-1; the browser and the api run this same code): unknown keys
 * rejected, types and bounds checked (never the step), choices matched with `\` ≡ `/` and stored in
 * the list's spelling, a missing value takes the default, an image has no default.
 * @example validateValues(schema, { Steps: 0 }) → { ok: false, errors: [{ field: 'values.Steps', message: 'must be at least 1' }] }
 */
export function validateValues(schema: FormSchema, values: unknown, options: ValidateValuesOptions = {}): ValidateValuesResult {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { ok: false, errors: [{ field: 'values', message: 'values must be an object of field key → value' }] };
  }
  const given = values as Record<string, unknown>;
  const known = new Set(schema.fields.map((field) => field.name));
  const errors: FieldError[] = Object.keys(given)
    .filter((key) => !known.has(key))
    .map((key) => ({ field: `values.${key}`, message: 'unknown field' }));
  const activity = fieldActivity(schema, options.bypass ?? []);
  const unused = new Set([...activity.bypassed, ...activity.inactive]);
  const result: FormValues = {};
  const defaulted: string[] = [];
  for (const field of schema.fields) {
    const value = Object.hasOwn(given, field.name) ? given[field.name] : undefined;
    if (value === undefined) defaulted.push(field.name);
    const checked = checkValue(field, value);
    if ('value' in checked) result[field.name] = checked.value;
    else if (unused.has(field.name)) result[field.name] = field.default;
    else errors.push({ field: `values.${field.name}`, message: checked.error });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: result, defaulted };
}
