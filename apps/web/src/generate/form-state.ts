import type { JobDetail } from '@app/shared/contracts/api/generations';
import type { WorkflowMemory } from '@app/shared/contracts/api/workflows';
import type { FieldValue, FormField, FormSchema } from '@app/shared/form/field-types';
import { isSeedLike } from '@app/shared/form/seed-field';
import { hasKnownChoices, matchChoice } from '@app/shared/workflow/choice-lists';

/** What a form holds besides the count: values by field name and the two kinds of switches. */
export interface FormState {
  values: Record<string, FieldValue>;
  randomize: string[];
  bypass: string[];
}

/** A form state plus the remembered keys this version of the workflow no longer has (G-8). */
export interface RestoredForm extends FormState {
  dropped: string[];
}

/** A remembered value only where it still fits: an unknown choice falls back to the default (W-8). */
function restoredValue(field: FormField, remembered: FieldValue | undefined): FieldValue {
  if (remembered === undefined) return field.default;
  if (field.type !== 'choice' || !hasKnownChoices(field.choiceSource)) return remembered;
  if (typeof remembered !== 'string' && typeof remembered !== 'number') return field.default;
  return matchChoice(remembered, field.choices ?? []) ?? field.default;
}

function switchable(schema: FormSchema, names: readonly string[], kind: 'randomize' | 'bypass'): string[] {
  return schema.fields.filter((field) => field[kind] && names.includes(field.name)).map((field) => field.name);
}

function droppedKeys(schema: FormSchema, values: Readonly<Record<string, unknown>>): string[] {
  const known = new Set(schema.fields.map((field) => field.name));
  return Object.keys(values).filter((key) => !known.has(key));
}

/**
 * The form as it opens (U-8): the user's last submitted values and switches where they fit this
 * version, else the defaults, randomize switches as the schema starts them (W-16), bypass off.
 */
export function initialFormState(schema: FormSchema, memory: WorkflowMemory | null): RestoredForm {
  const remembered = memory?.updatedAt != null ? memory : null;
  return {
    values: Object.fromEntries(schema.fields.map((field) => [field.name, restoredValue(field, remembered?.values[field.name])])),
    randomize: remembered
      ? switchable(schema, remembered.randomize, 'randomize')
      : schema.fields.filter((field) => field.randomize?.initial).map((field) => field.name),
    bypass: remembered ? switchable(schema, remembered.bypass, 'bypass') : [],
    dropped: remembered ? droppedKeys(schema, remembered.values) : [],
  };
}

/**
 * G-8 remix: the job's raw values as typed (aliases and wildcards kept), bypass switches as they
 * were, randomize off with each randomized field fixed at the value the job drew.
 */
export function remixFormState(schema: FormSchema, job: Pick<JobDetail, 'values' | 'resolvedValues' | 'randomize' | 'bypass'>): RestoredForm {
  const values = Object.fromEntries(
    schema.fields.map((field) => {
      const wasDrawn = job.randomize.includes(field.name);
      const raw = wasDrawn ? job.resolvedValues[field.name] : (job.values[field.name] ?? job.resolvedValues[field.name]);
      return [field.name, restoredValue(field, raw)];
    }),
  );
  return { values, randomize: [], bypass: switchable(schema, job.bypass, 'bypass'), dropped: droppedKeys(schema, job.values) };
}

/** J-4: the seed wildcards use — the first seed-like field's value — for the expansion preview. */
export function previewSeed(schema: FormSchema, values: Readonly<Record<string, FieldValue>>): number {
  const field = schema.fields.find((candidate) => candidate.type === 'int' && isSeedLike(candidate.name, candidate.targets));
  const value = field ? values[field.name] : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}
