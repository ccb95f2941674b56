import type { ObjectInfo } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import type { FormSchema, Warning } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import { checkGraph } from './check-graph';
import type { ChoiceCatalog } from './choice-lists';
import { isCozyGenMarker, isInputMarker } from './cozygen-nodes';
import { markerFields } from './marker-fields';
import { findOutputNodes } from './output-nodes';
import { plainFields } from './plain-fields';
import { findRunDemands } from './run-demands';
import { inferWorkflowType } from './workflow-type';
import { ownEntry } from './own-entry';

export interface ParseWorkflowOptions {
  /** Model folder → files (`GET /models/<folder>`), for choice fields whose list comes from `choice_type` (W-14). */
  modelFolders?: ChoiceCatalog['modelFolders'];
}

export type ParseWorkflowResult = { ok: true; schema: FormSchema; warnings: Warning[] } | { ok: false; errors: FieldError[] };

/** W-1: class types the backend lacks are a warning only (markers compile away). */
function unknownClassWarnings(graph: ApiGraph, objectInfo: ObjectInfo | undefined): Warning[] {
  if (!objectInfo) return [];
  const missing = [...new Set(Object.values(graph).map((node) => node.class_type))].filter((classType) => !ownEntry(objectInfo, classType) && !isCozyGenMarker(classType)).sort();
  return missing.length === 0 ? [] : [{ field: 'graph', message: `node types the backend does not have: ${missing.join(', ')}` }];
}

/**
 * An API-format workflow's form (W-5 … W-18): CozyGen marker fields, or for a workflow without input
 * markers the proposed plain form. `objectInfo` supplies output nodes, consumer limits and live
 * choice lists; without it types and limits come from the markers or literals and lists are
 * `unresolved`.
 * @example parseWorkflow(readFixtureJson('workflows/plain/sd15-txt2img.json'), objectInfo)
 *   → { ok: true, schema: { fields: [{ name: '6.text', label: 'Prompt', … }, …], type: 'text-to-image', source: 'plain', … }, warnings: [] }
 */
export function parseWorkflow(graph: unknown, objectInfo?: ObjectInfo, options: ParseWorkflowOptions = {}): ParseWorkflowResult {
  const checked = checkGraph(graph, objectInfo);
  if (!checked.ok) return checked;
  const catalog: ChoiceCatalog = { ...(objectInfo ? { objectInfo } : {}), ...(options.modelFolders ? { modelFolders: options.modelFolders } : {}) };
  const hasMarkers = Object.values(checked.graph).some((node) => isInputMarker(node.class_type));
  const { fields, warnings } = hasMarkers ? markerFields(checked.graph, catalog) : plainFields(checked.graph, catalog);
  const outputs = findOutputNodes(checked.graph, objectInfo);
  return {
    ok: true,
    schema: { fields, outputs, type: inferWorkflowType(fields, outputs), source: hasMarkers ? 'cozygen' : 'plain', demands: findRunDemands(checked.graph, fields) },
    warnings: [...unknownClassWarnings(checked.graph, objectInfo), ...warnings],
  };
}
