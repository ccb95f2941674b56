import type { NodeInfo } from '@app/shared/comfy/object-info';
import { describeValue, isRuntimeValue, type NodeValue } from '../nodes/node-values';
import { pyRepr } from '../python/python-values';
import { isLink, isRecord } from '../validation/prompt-graph';
import type { OutputCache } from './output-cache';

export interface ResolvedInputs {
  values: Record<string, NodeValue>;
  linked: Set<string>;
}

/** A node's inputs with each link replaced by the upstream node's output from the cache. */
export function resolveInputs(inputs: Record<string, unknown>, cache: OutputCache, keys: ReadonlyMap<string, string>): ResolvedInputs {
  const values: Record<string, NodeValue> = {};
  const linked = new Set<string>();
  for (const [name, value] of Object.entries(inputs)) {
    if (isLink(value)) {
      values[name] = cache.get(keys.get(value[0]))?.values[value[1]] ?? null;
      linked.add(name);
    } else {
      values[name] = literal(value);
    }
  }
  return { values, linked };
}

/**
 * `current_inputs` of an `execution_error`: each declared and hidden input as a one-item list,
 * objects and tensors as Python's `str()` would show them [obs 06: `{"image": ["corrupt.png"]}`].
 */
export function formatCurrentInputs(info: NodeInfo, resolved: Record<string, NodeValue>, hidden: { prompt: unknown; extraPnginfo: unknown; nodeId: string }): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...Object.keys(info.input.required ?? {}), ...Object.keys(info.input.optional ?? {})]) {
    if (name in resolved) out[name] = [formatValue(resolved[name] ?? null)];
  }
  for (const [name, spec] of Object.entries(info.input.hidden ?? {})) {
    const kind = Array.isArray(spec) ? spec[0] : spec;
    if (kind === 'PROMPT') out[name] = [pyRepr(hidden.prompt)];
    else if (kind === 'EXTRA_PNGINFO') out[name] = [hidden.extraPnginfo === undefined ? null : pyRepr(hidden.extraPnginfo)];
    else if (kind === 'UNIQUE_ID') out[name] = [hidden.nodeId];
  }
  return out;
}

function formatValue(value: NodeValue): unknown {
  if (isRuntimeValue(value)) return describeValue(value);
  if (value === null || typeof value !== 'object') return value;
  return pyRepr(value);
}

function literal(value: unknown): NodeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value;
  return isRecord(value) ? value : null;
}
