/** An input spec as `/object_info` writes it: `[type]`, `[type, options]` or `[[choices], options?]`. */
export type SpecJson = [string | (string | number)[]] | [string | (string | number)[], Record<string, unknown>];

export interface NodeDefinition {
  name: string;
  displayName: string;
  category: string;
  pythonModule: string;
  description?: string;
  required: Record<string, SpecJson>;
  optional?: Record<string, SpecJson>;
  /** Server-filled inputs: `PROMPT`, `EXTRA_PNGINFO`, `UNIQUE_ID`. */
  hidden?: Record<string, string>;
  /** `[type, name]` per output slot. */
  outputs: [string, string][];
  outputNode?: boolean;
}

/** Builds an `/object_info` entry with the 11 keys a real server writes (COMFYUI.md §2). */
export function objectInfoEntry(definition: NodeDefinition): Record<string, unknown> {
  const input: Record<string, unknown> = { required: definition.required };
  const inputOrder: Record<string, string[]> = { required: Object.keys(definition.required) };
  if (definition.optional) {
    input.optional = definition.optional;
    inputOrder.optional = Object.keys(definition.optional);
  }
  if (definition.hidden) {
    input.hidden = definition.hidden;
    inputOrder.hidden = Object.keys(definition.hidden);
  }
  return {
    input,
    input_order: inputOrder,
    output: definition.outputs.map(([type]) => type),
    output_is_list: definition.outputs.map(() => false),
    output_name: definition.outputs.map(([, name]) => name),
    name: definition.name,
    display_name: definition.displayName,
    description: definition.description ?? '',
    python_module: definition.pythonModule,
    category: definition.category,
    output_node: definition.outputNode ?? false,
  };
}
