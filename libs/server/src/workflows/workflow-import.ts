import type { ObjectInfo } from '@app/shared/comfy/object-info';
import type { FieldError } from '@app/shared/contracts/errors';
import type { FormSchema } from '@app/shared/form/field-types';
import { parseGraphJson, type ApiGraph } from '@app/shared/workflow/api-graph';
import { parseWorkflow } from '@app/shared/workflow/parse-workflow';

/** What the backends currently offer, merged (W-14); empty before any backend was reached. */
export interface Catalogue {
  objectInfo: ObjectInfo | undefined;
  models: Record<string, string[]>;
}

export type ImportResult = { ok: true; graph: ApiGraph; schema: FormSchema; warnings: FieldError[] } | { ok: false; errors: FieldError[] };

/**
 * W-1: an uploaded graph (an object, or pasted text whose JSON errors get line and column)
 * checked and turned into its form. Error fields are prefixed with `prefix` (`body.graph`).
 */
export function importWorkflowGraph(graph: unknown, catalogue: Catalogue, prefix = 'graph'): ImportResult {
  let data = graph;
  if (typeof graph === 'string') {
    const parsed = parseGraphJson(graph, catalogue.objectInfo);
    if (!parsed.ok) return { ok: false, errors: prefixed(parsed.errors, prefix) };
    data = parsed.graph;
  }
  const result = parseWorkflow(data, catalogue.objectInfo, { modelFolders: catalogue.models });
  if (!result.ok) return { ok: false, errors: prefixed(result.errors, prefix) };
  return { ok: true, graph: data as ApiGraph, schema: result.schema, warnings: result.warnings };
}

function prefixed(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ field: e.field === 'graph' ? prefix : e.field.startsWith('graph.') ? `${prefix}${e.field.slice('graph'.length)}` : `${prefix}.${e.field}`, message: e.message }));
}
