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

const INTEGER = /^\d+$/;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Subgraph-style ids (`50:3`) part by part: numerically where both parts are integers. */
function compareParts(a: string, b: string): number {
  const left = a.split(':');
  const right = b.split(':');
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const x = left[index]!;
    const y = right[index]!;
    const order = INTEGER.test(x) && INTEGER.test(y) ? Number(x) - Number(y) : compareText(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length || compareText(a, b);
}

/**
 * W-11's tie-break: integer ids numerically, every other id after them (subgraph ids such as
 * `50:3` compared part by part), so the order is total.
 * @example ['50:3', '10', '9', '50:10', 'a'].sort(compareNodeIds) → ['9', '10', '50:3', '50:10', 'a']
 */
export function compareNodeIds(a: string, b: string): number {
  const aInteger = INTEGER.test(a);
  const bInteger = INTEGER.test(b);
  if (aInteger && bInteger) return Number(a) - Number(b) || compareText(a, b);
  if (aInteger !== bInteger) return aInteger ? -1 : 1;
  return compareParts(a, b);
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
