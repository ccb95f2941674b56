import { comboOptions, type InputSpec, type NodeInfo, type ObjectInfo } from './object-info';

/**
 * One catalogue for the form from several backends (W-14: the union over healthy backends).
 * A class present on several backends keeps the first description; its choice lists become
 * the union, in first-seen order.
 */
export function mergeObjectInfo(infos: readonly ObjectInfo[]): ObjectInfo {
  const merged: ObjectInfo = {};
  for (const info of infos) {
    for (const [classType, node] of Object.entries(info)) {
      const existing = Object.hasOwn(merged, classType) ? merged[classType] : undefined;
      merged[classType] = existing ? mergeNode(existing, node) : node;
    }
  }
  return merged;
}

function mergeNode(into: NodeInfo, from: NodeInfo): NodeInfo {
  const section = (a: Record<string, InputSpec> | undefined, b: Record<string, InputSpec> | undefined) => {
    if (!a || !b) return a;
    const out: Record<string, InputSpec> = { ...a };
    for (const [name, spec] of Object.entries(a)) {
      const other = Object.hasOwn(b, name) ? b[name] : undefined;
      const mine = comboOptions(spec);
      const theirs = other && comboOptions(other);
      if (mine && theirs) out[name] = [[...new Set([...mine, ...theirs])], spec[1] ?? {}];
    }
    return out;
  };
  return { ...into, input: { ...into.input, required: section(into.input.required, from.input.required), optional: section(into.input.optional, from.input.optional) } };
}

/** Model folder lists from several backends, unioned per folder. */
export function mergeModelFolders(lists: readonly Record<string, readonly string[]>[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const list of lists) {
    for (const [folder, names] of Object.entries(list)) merged[folder] = [...new Set([...(merged[folder] ?? []), ...names])];
  }
  return merged;
}
