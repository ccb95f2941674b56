import type { ApiGraph } from './api-graph';
import { compareNodeIds, isLink } from './graph-nodes';

/** Ids of the nodes `nodeId` links to, in input order (links to missing nodes are skipped). */
function upstreamOf(graph: ApiGraph, nodeId: string): string[] {
  return Object.values(graph[nodeId]?.inputs ?? {}).flatMap((value) => (isLink(value) && graph[value[0]] ? [value[0]] : []));
}

/**
 * A cycle as the node ids along it (first id repeated at the end), or undefined for a DAG.
 * Iterative depth-first search, so deep graphs cannot overflow the stack.
 * @example findCycle({ '1': { class_type: 'A', inputs: { x: ['2', 0] } }, '2': { class_type: 'B', inputs: { y: ['1', 0] } } }) → ['1', '2', '1']
 */
export function findCycle(graph: ApiGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of Object.keys(graph).sort(compareNodeIds)) {
    if (state.has(root)) continue;
    const path: { nodeId: string; next: string[] }[] = [{ nodeId: root, next: upstreamOf(graph, root) }];
    state.set(root, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const child = top.next.shift();
      if (child === undefined) {
        state.set(top.nodeId, 'done');
        path.pop();
        continue;
      }
      if (state.get(child) === 'open') {
        const start = path.findIndex((step) => step.nodeId === child);
        return [...path.slice(start).map((step) => step.nodeId), child];
      }
      if (state.has(child)) continue;
      state.set(child, 'open');
      path.push({ nodeId: child, next: upstreamOf(graph, child) });
    }
  }
  return undefined;
}

/** The given nodes and everything they depend on, transitively. */
export function collectUpstream(graph: ApiGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let nodeId = pending.pop(); nodeId !== undefined; nodeId = pending.pop()) {
    if (seen.has(nodeId) || !graph[nodeId]) continue;
    seen.add(nodeId);
    pending.push(...upstreamOf(graph, nodeId));
  }
  return seen;
}
