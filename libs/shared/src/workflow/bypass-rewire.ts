import type { ObjectInfo } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import type { ApiGraph, NodeLink } from './api-graph';
import { compareNodeIds, isLink } from './graph-nodes';
import { ownEntry } from './own-entry';

/** Nodes one bypass switch removes, and the field the switch belongs to (for error messages). */
export interface BypassRemoval {
  field: string;
  nodes: readonly string[];
}

export type BypassResult = { ok: true; graph: ApiGraph } | { ok: false; errors: FieldError[] };

/** Output `slot`'s name and type per `/object_info` (a COMBO output lists its options). */
function outputOf(objectInfo: ObjectInfo | undefined, classType: string, slot: number): { name: string; type: string } | undefined {
  const info = ownEntry(objectInfo, classType);
  const type = info?.output[slot];
  const name = info?.output_name[slot];
  if (type === undefined || name === undefined) return undefined;
  return { name, type: Array.isArray(type) ? 'COMBO' : type };
}

/**
 * W-17: what a link from removed node `nodeId`, output `slot`, connects to instead — the source of
 * the input named like the output (ignoring case), else of the only linked input whose upstream
 * type is the output's type; followed through chains of removed nodes.
 */
function bypassSource(graph: ApiGraph, removed: ReadonlySet<string>, objectInfo: ObjectInfo | undefined, link: NodeLink): NodeLink | string {
  const [nodeId, slot] = link;
  const node = graph[nodeId]!;
  const output = outputOf(objectInfo, node.class_type, slot);
  const fail = `cannot bypass node ${nodeId} (${node.class_type}): no input matches output ${slot} ${output?.name ?? '(unknown: no /object_info for this node)'}`;
  if (!output) return fail;
  const linked = Object.entries(node.inputs).flatMap(([input, value]) => (isLink(value) ? [{ input, link: value }] : []));
  const byName = linked.find(({ input }) => input.toLowerCase() === output.name.toLowerCase());
  const byType = linked.filter(({ link: upstream }) => outputOf(objectInfo, graph[upstream[0]]?.class_type ?? '', upstream[1])?.type === output.type);
  const match = byName ?? (byType.length === 1 ? byType[0] : undefined);
  if (!match) return fail;
  return removed.has(match.link[0]) ? bypassSource(graph, removed, objectInfo, match.link) : match.link;
}

/**
 * Removes the nodes bypass switches name and reconnects every link that came out of them (W-17).
 * Returns a new graph; the input is not changed.
 * @example bypassing LoRA 1 in checkpoint → LoRA 1 → LoRA 2 makes LoRA 2's `model` link to the checkpoint.
 */
export function applyBypasses(graph: ApiGraph, removals: readonly BypassRemoval[], objectInfo?: ObjectInfo): BypassResult {
  const removed = new Set(removals.flatMap((removal) => removal.nodes).filter((nodeId) => graph[nodeId]));
  const fieldOf = (nodeId: string): string => removals.find((removal) => removal.nodes.includes(nodeId))?.field ?? nodeId;
  const errors = new Map<string, FieldError>();
  const result: ApiGraph = {};
  for (const nodeId of Object.keys(graph).sort(compareNodeIds)) {
    const node = graph[nodeId]!;
    if (removed.has(nodeId)) continue;
    const inputs = { ...node.inputs };
    for (const [input, value] of Object.entries(inputs)) {
      if (!isLink(value) || !removed.has(value[0])) continue;
      const source = bypassSource(graph, removed, objectInfo, value);
      if (typeof source === 'string') errors.set(source, { field: `bypass.${fieldOf(value[0])}`, message: source });
      else inputs[input] = source;
    }
    result[nodeId] = { ...node, inputs };
  }
  return errors.size > 0 ? { ok: false, errors: [...errors.values()] } : { ok: true, graph: result };
}
