import type { ObjectInfo } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import type { ApiGraph, ApiNode, GraphResult, InputValue, LiteralValue } from './api-graph';
import { readInputMarkers } from './cozygen-nodes';
import { findCycle } from './graph-walk';
import { compareNodeIds } from './graph-nodes';
import { findOutputNodes } from './output-nodes';

/** Assigning this key would replace an object's prototype instead of adding an entry. */
const RESERVED_KEY = '__proto__';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLiteral(value: unknown): value is LiteralValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || isRecord(value);
}

/** Reads one node, reporting what W-1 names; the typed node keeps only class_type, inputs and title. */
function readNode(nodeId: string, raw: unknown, errors: FieldError[]): ApiNode | undefined {
  const field = `graph.${nodeId}`;
  if (nodeId === RESERVED_KEY) {
    errors.push({ field: 'graph', message: `node id "${RESERVED_KEY}" is not allowed` });
    return undefined;
  }
  if (!isRecord(raw)) {
    errors.push({ field, message: `node ${nodeId} is not an object` });
    return undefined;
  }
  const classType = raw.class_type;
  const hasClass = typeof classType === 'string' && classType.trim() !== '';
  if (!hasClass) errors.push({ field: `${field}.class_type`, message: `node ${nodeId} has no class_type` });
  if (!isRecord(raw.inputs)) errors.push({ field: `${field}.inputs`, message: `node ${nodeId} has no inputs` });
  if (!hasClass || !isRecord(raw.inputs)) return undefined;
  const inputs: Record<string, InputValue> = {};
  for (const [input, value] of Object.entries(raw.inputs)) {
    if (input === RESERVED_KEY) {
      errors.push({ field: `${field}.inputs`, message: `input name "${RESERVED_KEY}" of node ${nodeId} is not allowed` });
      continue;
    }
    if (!Array.isArray(value)) {
      if (isLiteral(value)) inputs[input] = value;
      else errors.push({ field: `${field}.inputs.${input}`, message: `input ${input} of node ${nodeId} has an unsupported value` });
      continue;
    }
    const [source, slot] = value as unknown[];
    if (value.length !== 2 || typeof source !== 'string') {
      errors.push({ field: `${field}.inputs.${input}`, message: `input ${input} of node ${nodeId} is not a link [nodeId, slot]` });
    } else if (typeof slot !== 'number' || !Number.isInteger(slot) || slot < 0) {
      errors.push({ field: `${field}.inputs.${input}`, message: `input ${input} of node ${nodeId} links to node ${source} with slot ${JSON.stringify(slot)}, not a non-negative integer` });
    } else {
      inputs[input] = [source, slot];
    }
  }
  const title = isRecord(raw._meta) && typeof raw._meta.title === 'string' ? raw._meta.title : undefined;
  return { class_type: classType, inputs, ...(title === undefined ? {} : { _meta: { title } }) };
}

/** Links to ids that are not in the file (a node that is present but broken is reported by itself). */
function checkLinks(graph: ApiGraph, nodeIds: ReadonlySet<string>): FieldError[] {
  return Object.entries(graph).flatMap(([nodeId, node]) =>
    Object.entries(node.inputs).flatMap(([input, value]) =>
      Array.isArray(value) && !nodeIds.has(value[0]) ? [{ field: `graph.${nodeId}.inputs.${input}`, message: `input ${input} of node ${nodeId} links to missing node ${value[0]}` }] : [],
    ),
  );
}

/** W-13: markers sharing a `param_name` must agree on the field type. */
function checkSharedParamNames(graph: ApiGraph): FieldError[] {
  const byKey = new Map<string, { nodeId: string; type: string }[]>();
  for (const { nodeId, ...marker } of readInputMarkers(graph)) {
    if (marker.key === RESERVED_KEY) return [{ field: `graph.${nodeId}.inputs.param_name`, message: `param_name "${RESERVED_KEY}" is not allowed` }];
    byKey.set(marker.key, [...(byKey.get(marker.key) ?? []), { nodeId, type: marker.type }]);
  }
  return [...byKey].flatMap(([key, markers]) => {
    if (new Set(markers.map((marker) => marker.type)).size < 2) return [];
    const list = markers.map((marker) => `${marker.type} (node ${marker.nodeId})`).join(', ');
    return [{ field: `graph.${markers[1]!.nodeId}.inputs.param_name`, message: `param_name ${JSON.stringify(key)} is used with different types: ${list}` }];
  });
}

/**
 * Every W-1 problem of an API-format graph, or the typed graph. `objectInfo` decides which classes
 * are output nodes; without it the known savers and CozyGen output markers count.
 * @example checkGraph({ nodes: [], links: [] }) → { ok: false, errors: [{ field: 'graph', message: 'This is a UI-format export …' }] }
 */
export function checkGraph(data: unknown, objectInfo?: ObjectInfo): GraphResult {
  if (!isRecord(data)) {
    return { ok: false, errors: [{ field: 'graph', message: 'A workflow must be a JSON object of node id → node (ComfyUI API format)' }] };
  }
  if (Array.isArray(data.nodes) && Array.isArray(data.links)) {
    return { ok: false, errors: [{ field: 'graph', message: 'This is a UI-format export (top-level "nodes" and "links"): in ComfyUI use Export (API)' }] };
  }
  const errors: FieldError[] = [];
  const graph: ApiGraph = {};
  for (const nodeId of Object.keys(data).sort(compareNodeIds)) {
    const node = readNode(nodeId, data[nodeId], errors);
    if (node) graph[nodeId] = node;
  }
  if (errors.length === 0 && Object.keys(graph).length === 0) errors.push({ field: 'graph', message: 'The workflow has no nodes' });
  errors.push(...checkLinks(graph, new Set(Object.keys(data))));
  if (errors.length > 0) return { ok: false, errors };

  const cycle = findCycle(graph);
  if (cycle) return { ok: false, errors: [{ field: 'graph', message: `The graph has a cycle: ${cycle.join(' → ')}` }] };
  if (findOutputNodes(graph, objectInfo).length === 0) {
    errors.push({ field: 'graph', message: 'The workflow has no output node (such as SaveImage or CozyGenOutput)' });
  }
  errors.push(...checkSharedParamNames(graph));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, graph };
}
