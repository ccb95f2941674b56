import { parseGraphJson } from '@app/shared/workflow/api-graph';
import { parseWorkflow } from '@app/shared/workflow/parse-workflow';
import type { ParseWorkflowResult } from '@app/shared/workflow/parse-workflow';

/**
 * W-1 / W-19 in the browser, before anything is sent: the pasted or chosen file checked with the
 * api's own parser and turned into the members' form. Without a backend catalogue here, choice
 * lists stay unresolved; the api fills them in from the live backends when it imports.
 * @example previewWorkflow('{"nodes": [], "links": []}') // { ok: false, errors: [{ field: 'graph', message: '…Export (API)…' }] }
 */
export function previewWorkflow(text: string): ParseWorkflowResult {
  const graph = parseGraphJson(text);
  return graph.ok ? parseWorkflow(graph.graph) : graph;
}

/** W-3: a workflow's default name is its file name without `.json`. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.json$/i, '');
}
