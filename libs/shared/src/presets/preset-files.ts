import { z } from 'zod';
import type { FieldError } from '../contracts/errors';
import { formValuesSchema, type FormValues } from '../form/field-types';
import { presetNameKey } from './preset-limits';
import { readPortablePreset, type PortablePreset, type PresetFileNotice } from './portable-preset';

/** P-4's own export format. */
export const cozyPresetsFileSchema = z.object({
  format: z.literal('cozy-presets'),
  version: z.literal(1),
  workflow: z.object({ name: z.string(), version: z.number().int() }),
  presets: z.array(z.object({ name: z.string(), values: formValuesSchema, created: z.string(), updated: z.string() })),
});
export type CozyPresetsFile = z.infer<typeof cozyPresetsFileSchema>;

const entrySchema = z.looseObject({ name: z.unknown().optional(), values: z.unknown().optional(), created: z.unknown().optional(), updated: z.unknown().optional() });
const ownFileSchema = z.looseObject({ format: z.literal('cozy-presets'), version: z.literal(1), workflow: z.looseObject({ name: z.string() }), presets: z.array(z.unknown()) });
const cozyGenWorkflowsSchema = z.record(z.string(), z.array(z.unknown()));
/** CozyGen's `workflow_presets.json`: per user (version 2) or, older, one set of workflows. */
const cozyGenV2Schema = z.looseObject({ version: z.literal(2), users: z.record(z.string(), z.looseObject({ workflows: cozyGenWorkflowsSchema })) });
const cozyGenV1Schema = z.looseObject({ workflows: cozyGenWorkflowsSchema });

export type PresetFileFormat = 'cozy-presets' | 'cozygen-v2' | 'cozygen';

export type ReadPresetsFileResult =
  | { ok: true; format: PresetFileFormat; presets: PortablePreset[]; notices: PresetFileNotice[] }
  | { ok: false; errors: FieldError[] };

export interface ExportablePreset {
  name: string;
  values: FormValues;
  createdAt: number;
  updatedAt: number;
}

/**
 * A CozyGen workflow file name compared with a workflow name: no folder, no `.json`, case,
 * `_`, `-` and spaces ignored.
 * @example workflowFileKey('presets/Text_to-Image.json') === workflowFileKey('Text to image')
 */
export function workflowFileKey(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.json$/i, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/**
 * P-4 export of one workflow's presets.
 * @example exportPresetsFile({ name: 'Flux', version: 3 }, presets).presets[0].created // '2024-…Z'
 */
export function exportPresetsFile(workflow: { name: string; version: number }, presets: readonly ExportablePreset[]): CozyPresetsFile {
  return {
    format: 'cozy-presets',
    version: 1,
    workflow: { name: workflow.name, version: workflow.version },
    presets: presets.map((p) => ({ name: p.name, values: p.values, created: new Date(p.createdAt).toISOString(), updated: new Date(p.updatedAt).toISOString() })),
  };
}

/** The entries of a CozyGen file for this workflow: its file chosen by name, or `file` when given. */
function cozyGenEntries(workflows: Record<string, unknown[]>[], workflowName: string, file: string | undefined): { entries: unknown[] } | { errors: FieldError[] } {
  const wanted = workflowFileKey(file ?? workflowName);
  const names = [...new Set(workflows.flatMap((set) => Object.keys(set)))];
  const matching = names.filter((name) => workflowFileKey(name) === wanted);
  if (matching.length === 0) {
    const holds = names.length > 0 ? `it holds ${names.join(', ')}` : 'it holds none';
    return { errors: [{ field: 'workflows', message: `no presets for ${file === undefined ? `workflow "${workflowName}"` : `file "${file}"`}; ${holds} (choose one with ?file=)` }] };
  }
  return { entries: workflows.flatMap((set) => matching.flatMap((name) => set[name] ?? [])) };
}

/** Same name ignoring case: the entry updated last wins (file order breaks ties). */
function dropDuplicates(presets: PortablePreset[], notices: PresetFileNotice[]): PortablePreset[] {
  const byKey = new Map<string, PortablePreset>();
  for (const preset of presets) {
    const key = presetNameKey(preset.name);
    const earlier = byKey.get(key);
    if (earlier) notices.push({ preset: preset.name, problem: 'duplicate', message: 'the name appears more than once; the last updated one was taken' });
    if (!earlier || (preset.updated ?? 0) >= (earlier.updated ?? 0)) byKey.set(key, preset);
  }
  return [...byKey.values()];
}

function readEntries(entries: readonly unknown[], notices: PresetFileNotice[]): PortablePreset[] {
  const presets: PortablePreset[] = [];
  for (const entry of entries) {
    const parsed = entrySchema.safeParse(entry);
    const preset = parsed.success ? readPortablePreset(parsed.data, notices) : readPortablePreset({}, notices);
    if (preset) presets.push(preset);
  }
  return dropDuplicates(presets, notices);
}

/**
 * A presets file for one workflow (P-4): our export, CozyGen's `workflow_presets.json` version 2
 * (every CozyGen user's presets for the matching file) or its older `{"workflows": …}`. Presets
 * and values that cannot be used are left out with notices; a file of another shape is an error.
 */
export function readPresetsFile(body: unknown, workflowName: string, options: { file?: string } = {}): ReadPresetsFileResult {
  const notices: PresetFileNotice[] = [];
  const own = ownFileSchema.safeParse(body);
  if (own.success) {
    if (workflowFileKey(own.data.workflow.name) !== workflowFileKey(workflowName)) {
      notices.push({ preset: '', problem: 'other-workflow', message: `the presets were exported from workflow "${own.data.workflow.name}"` });
    }
    return { ok: true, format: 'cozy-presets', presets: readEntries(own.data.presets, notices), notices };
  }
  const v2 = cozyGenV2Schema.safeParse(body);
  const v1 = v2.success ? undefined : cozyGenV1Schema.safeParse(body);
  const workflows = v2.success ? Object.values(v2.data.users).map((user) => user.workflows) : v1?.success ? [v1.data.workflows] : undefined;
  if (!workflows) {
    return { ok: false, errors: [{ field: 'body', message: 'is neither a cozy-presets export nor CozyGen\'s workflow_presets.json ({"version": 2, "users": …} or {"workflows": …})' }] };
  }
  const found = cozyGenEntries(workflows, workflowName, options.file);
  if ('errors' in found) return { ok: false, errors: found.errors };
  return { ok: true, format: v2.success ? 'cozygen-v2' : 'cozygen', presets: readEntries(found.entries, notices), notices };
}
