/** A compiled graph as the worker reads it: only titles and class types matter here. */
export type GraphForHumans = Record<string, { class_type?: unknown; _meta?: { title?: unknown } } | undefined>;

export interface NodeDescription {
  id: string;
  title?: string;
  classType?: string;
}

/** How a node is named to people: its title from the workflow, and its class. */
export function describeNode(graph: GraphForHumans, nodeId: string): NodeDescription {
  const node = Object.hasOwn(graph, nodeId) ? graph[nodeId] : undefined;
  const title = typeof node?._meta?.title === 'string' ? node._meta.title : undefined;
  const classType = typeof node?.class_type === 'string' ? node.class_type : undefined;
  return { id: nodeId, ...(title ? { title } : {}), ...(classType ? { classType } : {}) };
}
