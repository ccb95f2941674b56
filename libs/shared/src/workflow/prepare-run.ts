import { comboOptions, findInputSpec, type ObjectInfo } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import { fieldActivity } from '../form/field-activity';
import type { FormSchema, FormValues } from '../form/field-types';
import type { AliasIndex } from '../prompt/alias-index';
import { expandPrompt } from '../prompt/expand-prompt';
import type { ExpansionWarning, TraceEntry } from '../prompt/expansion-trace';
import type { ApiGraph } from './api-graph';
import { matchChoice } from './choice-lists';
import { compileGraph, type CompileGraphResult } from './compile-graph';
import { ownEntry } from './own-entry';

export interface RunPrompt {
  /** A field key, or `<nodeId>.<input>` for a literal text of another node. */
  field: string;
  raw: string;
  expanded: string;
  trace: TraceEntry[];
}

export interface PrepareRunInput {
  graph: ApiGraph;
  schema: FormSchema;
  /** Values after `resolveValues` (defaults applied, randomized fields drawn). */
  resolved: FormValues;
  seed: number;
  bypass: readonly string[];
  jobId: string;
  aliases: AliasIndex;
  /** The target backend's catalogue: choices take its spelling (W-15), classes are checked. */
  objectInfo?: ObjectInfo;
  uploads?: Readonly<Record<string, string>>;
}

export type PrepareRunResult =
  | { ok: true; graph: ApiGraph; prompts: RunPrompt[]; warnings: ExpansionWarning[]; postprocess: Extract<CompileGraphResult, { ok: true }>['postprocess'] }
  | { ok: false; errors: FieldError[] };

/**
 * W-20 step 1 onwards, the one path from resolved values to the graph a backend runs — used by
 * the compile dry run and by the worker: text fields and other nodes' literal texts expanded
 * (aliases and wildcards from the job seed, A-6, D-3), choices respelled for the backend,
 * then `compileGraph`. Raw and expanded texts come back with their traces for lineage (J-11).
 */
export function prepareRun(input: PrepareRunInput): PrepareRunResult {
  const prompts: RunPrompt[] = [];
  const warnings: ExpansionWarning[] = [];
  const expand = (text: string, field: string): string => {
    const result = expandPrompt(text, input.aliases, { seed: input.seed, fieldKey: field });
    if (result.text !== text || result.trace.length > 0) prompts.push({ field, raw: text, expanded: result.text, trace: result.trace });
    warnings.push(...result.warnings);
    return result.text;
  };

  const { bypassed, inactive } = fieldActivity(input.schema, input.bypass);
  const values: FormValues = { ...input.resolved };
  for (const field of input.schema.fields) {
    if (bypassed.includes(field.name) || inactive.includes(field.name)) continue;
    const value = values[field.name];
    if (field.type === 'string' && typeof value === 'string') {
      values[field.name] = expand(value, field.name);
      if (!prompts.some((p) => p.field === field.name)) prompts.push({ field: field.name, raw: value, expanded: value, trace: [] });
    }
    if (field.type === 'choice' && value !== null && value !== undefined && typeof value !== 'boolean') {
      values[field.name] = backendSpelling(value, field.targets, input.graph, input.objectInfo);
    }
  }

  const compiled = compileGraph({
    graph: input.graph,
    schema: input.schema,
    values,
    bypass: input.bypass,
    jobId: input.jobId,
    objectInfo: input.objectInfo,
    uploads: input.uploads,
    transformLiteralText: (text, nodeId, inputName) => expand(text, `${nodeId}.${inputName}`),
  });
  if (!compiled.ok) return compiled;
  return { ok: true, graph: compiled.graph, prompts, warnings, postprocess: compiled.postprocess };
}

/** The value as the backend lists it (`SDXL\\m.safetensors` on Windows, W-15), else unchanged. */
function backendSpelling(value: string | number, targets: readonly { nodeId: string; input: string }[], graph: ApiGraph, objectInfo: ObjectInfo | undefined): string | number {
  if (!objectInfo || typeof value !== 'string') return value;
  for (const { nodeId, input } of targets) {
    const classType = ownEntry(graph, nodeId)?.class_type;
    const info = classType === undefined ? undefined : ownEntry(objectInfo, classType);
    const spec = info && findInputSpec(info, input);
    const options = spec && comboOptions(spec);
    const match = options && matchChoice(value, options);
    if (match !== undefined) return match;
  }
  return value;
}
