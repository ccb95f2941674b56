import type { ApiGraph } from './api-graph';
import type { LinkUse } from './graph-nodes';

export type PromptRole = 'positive' | 'negative';

/**
 * Which sampler input a text encoder's conditioning ends up in (W-18): follows its output downstream
 * until each path reaches an input named `positive` or `negative`. Both, or neither → undefined (the
 * prompt is then labelled by its node title).
 * @example promptRole(graph, '6', indexConsumers(graph)) === 'positive' // sd15-txt2img.json
 */
export function promptRole(graph: ApiGraph, nodeId: string, consumers: ReadonlyMap<string, readonly LinkUse[]>): PromptRole | undefined {
  const roles = new Set<PromptRole>();
  const seen = new Set<string>([nodeId]);
  const pending = [nodeId];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const use of consumers.get(current) ?? []) {
      if (use.input === 'positive' || use.input === 'negative') roles.add(use.input);
      else if (!seen.has(use.nodeId) && graph[use.nodeId]) {
        seen.add(use.nodeId);
        pending.push(use.nodeId);
      }
    }
  }
  const [only, ...more] = roles;
  return more.length === 0 ? only : undefined;
}
