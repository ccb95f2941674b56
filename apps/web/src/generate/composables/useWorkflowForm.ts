import { computed, ref, shallowRef } from 'vue';
import { MAX_RUNS_PER_SUBMISSION } from '@app/shared/contracts/api/generations';
import type { CreateGeneration } from '@app/shared/contracts/api/generations';
import type { FieldError } from '@app/shared/contracts/errors';
import { fieldActivity } from '@app/shared/form/field-activity';
import type { FieldActivity } from '@app/shared/form/field-activity';
import type { FieldValue, FormSchema } from '@app/shared/form/field-types';
import { capFieldMaxima, checkRunLimits } from '@app/shared/form/run-limits';
import type { RunLimits } from '@app/shared/form/run-limits';
import { validateValues } from '@app/shared/form/validate-values';
import { ApiError, formFieldName } from '../../api/api-error';
import { asSentence } from '../../forms/field-messages';
import { t } from '../../i18n/en';
import type { FormState } from '../form-state';

/** Where a field error lands: the value's field (`values.Seed`, `randomize.Seed` → `Seed`), else `count`. */
function fieldOf(path: string): string {
  return formFieldName(path).replace(/^(values|randomize|bypass)\./, '');
}

function byField(errors: readonly FieldError[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, message } of errors) result[fieldOf(field)] ??= asSentence(message);
  return result;
}

const NO_ACTIVITY: FieldActivity = { bypassed: [], inactive: [], removedNodes: [] };

/** Cap errors that no field of the form set (a size the workflow itself fixes) go above the form. */
const isFieldError = (error: FieldError) => error.field.startsWith('values.');

/**
 * A workflow form's state (J-1): values, randomize and bypass switches, count; checked with the
 * shared `validateValues` and the admin's caps (`checkRunLimits`) before anything is sent, and the
 * api's field errors put on the fields. Batch and frame fields stop at their caps.
 */
export function useWorkflowForm() {
  const schema = shallowRef<FormSchema | null>(null);
  const limits = shallowRef<RunLimits | null>(null);
  const values = ref<Record<string, FieldValue>>({});
  const randomize = ref<string[]>([]);
  const bypass = ref<string[]>([]);
  const count = ref<number | null>(1);
  const fieldErrors = ref<Record<string, string>>({});
  const formError = ref<string | null>(null);

  const activity = computed(() => (schema.value ? fieldActivity(schema.value, bypass.value) : NO_ACTIVITY));

  function reset(next: FormSchema, state: FormState, caps: RunLimits | null = null): void {
    schema.value = caps ? capFieldMaxima(next, caps) : next;
    limits.value = caps;
    values.value = { ...state.values };
    randomize.value = [...state.randomize];
    bypass.value = [...state.bypass];
    fieldErrors.value = {};
    formError.value = null;
  }

  function setValue(name: string, value: FieldValue): void {
    values.value = { ...values.value, [name]: value };
    if (fieldErrors.value[name]) {
      const rest = { ...fieldErrors.value };
      delete rest[name];
      fieldErrors.value = rest;
    }
  }

  /** Several values at once (a preset, P-3); their fields' errors go, since the values changed. */
  function mergeValues(next: Readonly<Record<string, FieldValue>>): void {
    values.value = { ...values.value, ...next };
    fieldErrors.value = Object.fromEntries(Object.entries(fieldErrors.value).filter(([name]) => !(name in next)));
  }

  function toggle(list: string[], name: string, isOn: boolean): string[] {
    return isOn ? [...new Set([...list, name])] : list.filter((entry) => entry !== name);
  }

  function setRandomize(name: string, isOn: boolean): void {
    randomize.value = toggle(randomize.value, name, isOn);
  }

  function setBypass(name: string, isOn: boolean): void {
    bypass.value = toggle(bypass.value, name, isOn);
  }

  function checkCount(): string | null {
    const runs = count.value;
    if (runs === null || !Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS_PER_SUBMISSION) return t('generate.countRange', { max: MAX_RUNS_PER_SUBMISSION });
    return null;
  }

  /** The submission for `workflowId`, or null with the problems on the fields. */
  function submission(workflowId: string): CreateGeneration | null {
    if (!schema.value) return null;
    formError.value = null;
    const checked = validateValues(schema.value, values.value, { bypass: bypass.value });
    const overCaps = checked.ok && limits.value ? checkRunLimits(schema.value, checked.values, limits.value, { bypass: bypass.value }) : [];
    const errors = checked.ok ? byField(overCaps.filter(isFieldError)) : byField(checked.errors);
    const countError = checkCount();
    fieldErrors.value = countError ? { ...errors, count: countError } : errors;
    formError.value = overCaps.find((error) => !isFieldError(error))?.message ?? null;
    if (!checked.ok || overCaps.length > 0 || countError) return null;
    return { workflowId, values: values.value, randomize: randomize.value, bypass: bypass.value, count: count.value ?? 1 };
  }

  /** The api's refusal: field errors on their fields, the message above the form. */
  function showFailure(error: unknown): void {
    if (!(error instanceof ApiError)) throw error;
    fieldErrors.value = byField(error.fieldErrors);
    formError.value = error.message;
  }

  return { schema, values, randomize, bypass, count, fieldErrors, formError, activity, reset, setValue, mergeValues, setRandomize, setBypass, submission, showFailure };
}

export type WorkflowForm = ReturnType<typeof useWorkflowForm>;
