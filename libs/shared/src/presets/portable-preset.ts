import { unsafeCharacter } from '../contracts/safe-text';
import type { FormValues } from '../form/field-types';
import { fieldValueSchema } from '../form/field-types';
import { jsonBytes, MAX_PRESET_VALUES_BYTES, PRESET_NAME_MAX } from './preset-limits';

/** A preset as files carry it, ready to save; times in Unix ms when the file had them. */
export interface PortablePreset {
  name: string;
  values: FormValues;
  created?: number;
  updated?: number;
}

export type PresetFileProblem = 'output-image' | 'unsupported-value' | 'invalid-name' | 'invalid-values' | 'too-large' | 'duplicate' | 'other-workflow';

/** Something about the file worth telling: a preset or value left out, or taken with a change. */
export interface PresetFileNotice {
  /** The preset's name as written ("" when it had none). */
  preset: string;
  problem: PresetFileProblem;
  message: string;
}

/** CozyGen's reference to one of its own outputs (`output::<subfolder>::<file>`): nothing here can load it. */
const COZYGEN_OUTPUT = /^output::/;

/**
 * A file time in Unix ms: an ISO date, ms, or seconds (CozyGen writes Python's `time.time()`).
 * @example fileTime(1700000000) === 1_700_000_000_000
 * @example fileTime('2024-01-02T03:04:05.000Z') === 1704164645000
 */
export function fileTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.round(value < 1e11 ? value * 1000 : value);
  if (typeof value !== 'string') return undefined;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * One preset entry of any supported file, or undefined (with a notice) when it cannot be used.
 * Values that are not plain form values, and CozyGen output images, are left out with a notice.
 */
export function readPortablePreset(entry: { name?: unknown; values?: unknown; created?: unknown; updated?: unknown }, notices: PresetFileNotice[]): PortablePreset | undefined {
  const written = typeof entry.name === 'string' ? entry.name : '';
  const name = written.trim();
  if (name === '' || name.length > PRESET_NAME_MAX) {
    notices.push({ preset: written, problem: 'invalid-name', message: `left out: a preset name must be 1–${PRESET_NAME_MAX} characters` });
    return undefined;
  }
  const unsafe = unsafeCharacter(name);
  if (unsafe) {
    notices.push({ preset: name, problem: 'invalid-name', message: `left out: a preset name must not contain control or text-direction characters (found ${unsafe})` });
    return undefined;
  }
  if (typeof entry.values !== 'object' || entry.values === null || Array.isArray(entry.values)) {
    notices.push({ preset: name, problem: 'invalid-values', message: 'left out: its values are not an object of field → value' });
    return undefined;
  }
  const values: FormValues = {};
  for (const [key, value] of Object.entries(entry.values)) {
    const parsed = fieldValueSchema.safeParse(value);
    if (!parsed.success) notices.push({ preset: name, problem: 'unsupported-value', message: `${key}: left out, not a text, number, switch or empty value` });
    else if (typeof parsed.data === 'string' && COZYGEN_OUTPUT.test(parsed.data)) notices.push({ preset: name, problem: 'output-image', message: `${key}: left out, a CozyGen output image (${parsed.data})` });
    else Object.defineProperty(values, key, { value: parsed.data, enumerable: true, writable: true, configurable: true });
  }
  if (jsonBytes(values) > MAX_PRESET_VALUES_BYTES) {
    notices.push({ preset: name, problem: 'too-large', message: `left out: its values exceed ${MAX_PRESET_VALUES_BYTES / 1024} KB` });
    return undefined;
  }
  const created = fileTime(entry.created);
  const updated = fileTime(entry.updated);
  return { name, values, ...(created === undefined ? {} : { created }), ...(updated === undefined ? {} : { updated }) };
}
