import { MAX_INT } from '../form/field-types';
import type { ChoiceValue, FieldType, FieldValue } from '../form/field-types';

export interface CoercedDefault {
  /** `undefined` only for a choice without a default (W-8: the first choice). */
  value: FieldValue | undefined;
  problem?: string;
}

const INTEGER_TEXT = /^-?\d+$/;

function show(raw: unknown): string {
  return raw === undefined ? '(none)' : JSON.stringify(raw);
}

function coerceInt(raw: unknown): CoercedDefault {
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && INTEGER_TEXT.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isFinite(number)) return { value: 0, problem: `default ${show(raw)} is not an integer; using 0` };
  const value = Math.min(MAX_INT, Math.max(-MAX_INT, Math.trunc(number)));
  if (value === number) return { value };
  const reason = Number.isInteger(number) ? 'is beyond ±(2^53 − 1)' : 'is not an integer';
  return { value, problem: `default ${show(raw)} ${reason}; using ${value}` };
}

function coerceFloat(raw: unknown): CoercedDefault {
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(number) ? { value: number } : { value: 0, problem: `default ${show(raw)} is not a number; using 0` };
}

function coerceBoolean(raw: unknown): CoercedDefault {
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'string' && ['true', 'false'].includes(raw.toLowerCase())) return { value: raw.toLowerCase() === 'true' };
  return { value: false, problem: `default ${show(raw)} is not true or false; using false` };
}

function coerceText(raw: unknown): CoercedDefault {
  if (typeof raw === 'string') return { value: raw };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: String(raw), problem: `default ${show(raw)} is not text; using "${String(raw)}"` };
  return { value: '', problem: `default ${show(raw)} is not text; using ""` };
}

function coerceChoice(raw: unknown): CoercedDefault {
  if (raw === undefined || typeof raw === 'string' || typeof raw === 'number') return { value: raw satisfies ChoiceValue | undefined };
  return { value: undefined, problem: `default ${show(raw)} is not a choice; using the first choice` };
}

/**
 * W-7: a marker's or literal's default as the field type needs it, as CozyGen's nodes coerced it.
 * @example coerceDefault('int', '81') → { value: 81 }
 * @example coerceDefault('boolean', 'yes') → { value: false, problem: 'default "yes" is not true or false; using false' }
 */
export function coerceDefault(type: FieldType, raw: unknown): CoercedDefault {
  switch (type) {
    case 'int':
      return coerceInt(raw);
    case 'float':
      return coerceFloat(raw);
    case 'boolean':
      return coerceBoolean(raw);
    case 'string':
      return coerceText(raw);
    case 'choice':
      return coerceChoice(raw);
    case 'image':
      return { value: null };
  }
}
