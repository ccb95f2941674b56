import type { ApiGraph, ApiNode, InputValue, NodeLink } from './api-graph';

/** @example isLink(['4', 0]) === true; isLink('euler') === false */
export function isLink(value: InputValue | undefined): value is NodeLink {
  return Array.isArray(value);
}

/** The node's title as the editor showed it, else its class. */
export function nodeTitle(node: ApiNode): string {
  const title = node._meta?.title?.trim();
  return title ? title : node.class_type;
}

/**
 * W-11's tie-break: numerically when both ids are integers, else as strings.
 * @example ['10', '9', 'a'].sort(compareNodeIds) → ['9', '10', 'a']
 */
export function compareNodeIds(a: string, b: string): number {
  const integer = /^\d+$/;
  if (integer.test(a) && integer.test(b)) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface LinkUse {
  nodeId: string;
  input: string;
  slot: number;
}

/** For every node, the inputs that link to it: source node id → [{consumer node, input, source slot}]. */
export function indexConsumers(graph: ApiGraph): Map<string, LinkUse[]> {
  const consumers = new Map<string, LinkUse[]>();
  for (const nodeId of Object.keys(graph).sort(compareNodeIds)) {
    for (const [input, value] of Object.entries(graph[nodeId]?.inputs ?? {})) {
      if (!isLink(value)) continue;
      const uses = consumers.get(value[0]) ?? [];
      uses.push({ nodeId, input, slot: value[1] });
      consumers.set(value[0], uses);
    }
  }
  return consumers;
}
