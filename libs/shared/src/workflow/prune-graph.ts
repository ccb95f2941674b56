import type { ObjectInfo } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import type { ApiGraph } from './api-graph';
import { isCozyGenMarker } from './cozygen-nodes';
import { compareNodeIds, isLink } from './graph-nodes';
import { collectUpstream } from './graph-walk';
import { findOutputNodes } from './output-nodes';

export type PruneResult = { ok: true; graph: ApiGraph; outputs: { nodeId: string; classType: string }[] } | { ok: false; errors: FieldError[] };

/**
 * W-20 step 6: drops the (replaced) marker nodes and every node no output depends on, in node id
 * order; fails if nothing is left to run or a link would dangle.
 */
export function pruneGraph(graph: ApiGraph, objectInfo?: ObjectInfo): PruneResult {
  const withoutMarkers: ApiGraph = Object.fromEntries(Object.entries(graph).filter(([, node]) => !isCozyGenMarker(node.class_type)));
  const outputs = findOutputNodes(withoutMarkers, objectInfo).map(({ nodeId, classType }) => ({ nodeId, classType }));
  if (outputs.length === 0) return { ok: false, errors: [{ field: 'graph', message: 'nothing left to run: no output node remains' }] };
  const keep = collectUpstream(withoutMarkers, outputs.map((output) => output.nodeId));
  const pruned: ApiGraph = {};
  for (const nodeId of [...keep].sort(compareNodeIds)) pruned[nodeId] = withoutMarkers[nodeId]!;
  const errors = Object.entries(pruned).flatMap(([nodeId, node]) =>
    Object.entries(node.inputs).flatMap(([input, value]) =>
      isLink(value) && !pruned[value[0]] ? [{ field: `graph.${nodeId}.inputs.${input}`, message: `input ${input} of node ${nodeId} links to node ${value[0]}, which the compiled graph no longer has` }] : [],
    ),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, graph: pruned, outputs };
}
