/** One node of a submitted API-format graph, after the `class_type` check. */
export interface PromptNode {
  class_type: string;
  inputs: Record<string, unknown>;
  [key: string]: unknown;
}

export type PromptGraph = Record<string, PromptNode>;

/** `["<node id>", <output index>]` as the executor follows it (ComfyUI's `is_link`). */
export type Link = [string, number];

export function isLink(value: unknown): value is Link {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isInteger(value[1]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node's `inputs`, or `{}` when the submitted node has none or not an object. */
export function nodeInputs(node: Record<string, unknown>): Record<string, unknown> {
  return isRecord(node.inputs) ? node.inputs : {};
}
