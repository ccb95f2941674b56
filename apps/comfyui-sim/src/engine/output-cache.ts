import type { NodeValue } from '../nodes/node-values';

/** What a node left in its `executed` message and history: `{output, meta}`. */
export interface UiRecord {
  output: Record<string, unknown>;
  meta: { node_id: string; display_node: string; parent_node: null; real_node_id: string };
}

export interface CachedOutputs {
  values: NodeValue[];
  ui?: UiRecord;
}

/**
 * ComfyUI's default output cache, by cache key: at the start of each prompt every entry the prompt
 * does not use is dropped, so only the previous prompt's outputs can be reused (COMFYUI.md §4).
 */
export class OutputCache {
  private readonly entries = new Map<string, CachedOutputs>();

  get(key: string | undefined): CachedOutputs | undefined {
    return key === undefined ? undefined : this.entries.get(key);
  }

  set(key: string, outputs: CachedOutputs): void {
    this.entries.set(key, outputs);
  }

  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) if (!keys.has(key)) this.entries.delete(key);
  }
}
