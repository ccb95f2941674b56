import { z } from 'zod';

/**
 * ComfyUI `/object_info` as a real 0.8.0 server serves it (COMFYUI.md §2). Unknown keys pass
 * through; a node whose entry does not parse is reported and skipped, never fatal.
 */

/** `{default, min, max, step, options, multiline, …}` — the second element of an input spec. */
export const inputOptionsSchema = z.looseObject({
  default: z.unknown().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().optional(),
  round: z.union([z.number(), z.boolean()]).optional(),
  multiline: z.boolean().optional(),
  dynamicPrompts: z.boolean().optional(),
  /** COMBO choices; dynamic combos (`COMFY_DYNAMICCOMBO_V3`) list `{key, inputs}` objects. */
  options: z.array(z.unknown()).optional(),
  tooltip: z.string().optional(),
  image_upload: z.boolean().optional(),
});
export type InputOptions = z.infer<typeof inputOptionsSchema>;

/**
 * `[type]`, `[type, options]`, or the classic choice list `[[...choices], options?]`.
 * Newer nodes write choices as `["COMBO", {options: [...]}]`.
 */
export const inputSpecSchema = z.union([
  z.tuple([z.string()]),
  z.tuple([z.string(), inputOptionsSchema]),
  z.tuple([z.array(z.union([z.string(), z.number()]))]),
  z.tuple([z.array(z.union([z.string(), z.number()])), inputOptionsSchema]),
]);
export type InputSpec = z.infer<typeof inputSpecSchema>;

const inputSectionSchema = z.record(z.string(), inputSpecSchema);

export const nodeInfoSchema = z.looseObject({
  input: z.object({
    required: inputSectionSchema.optional(),
    optional: inputSectionSchema.optional(),
    /** Hidden inputs (PROMPT, UNIQUE_ID, …) are filled by the server; their specs vary in shape. */
    hidden: z.record(z.string(), z.unknown()).optional(),
  }),
  input_order: z.record(z.string(), z.array(z.string())).optional(),
  /** Output types; a COMBO-producing node may list its choices as an array. */
  output: z.array(z.union([z.string(), z.array(z.union([z.string(), z.number()]))])),
  output_is_list: z.array(z.boolean().nullable()).optional(),
  output_name: z.array(z.string()),
  name: z.string(),
  display_name: z.string().nullish(),
  description: z.string().optional(),
  category: z.string().optional(),
  python_module: z.string().optional(),
  output_node: z.boolean(),
});
export type NodeInfo = z.infer<typeof nodeInfoSchema>;

/** Class type → node info. */
export type ObjectInfo = Record<string, NodeInfo>;

export interface ParsedObjectInfo {
  objectInfo: ObjectInfo;
  /** Class types whose entries did not parse, with the first problem found. */
  skipped: { classType: string; problem: string }[];
}

/** Parses a whole `/object_info` answer, keeping every node entry that parses. */
export function parseObjectInfo(data: unknown): ParsedObjectInfo {
  const objectInfo: ObjectInfo = {};
  const skipped: ParsedObjectInfo['skipped'] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { objectInfo, skipped: [{ classType: '*', problem: 'object_info is not an object' }] };
  }
  for (const [classType, entry] of Object.entries(data)) {
    const parsed = nodeInfoSchema.safeParse(entry);
    if (parsed.success) objectInfo[classType] = parsed.data;
    else skipped.push({ classType, problem: parsed.error.issues[0]?.message ?? 'invalid entry' });
  }
  return { objectInfo, skipped };
}

/**
 * The spec of one (required or optional) input, if the node declares it. Only own entries count:
 * input names come from user files, and `constructor` must not find `Object.prototype`'s.
 */
export function findInputSpec(info: NodeInfo, inputName: string): InputSpec | undefined {
  const own = (section: Record<string, InputSpec> | undefined) => (section && Object.hasOwn(section, inputName) ? section[inputName] : undefined);
  return own(info.input.required) ?? own(info.input.optional);
}

/** The input's type name: `INT`, `FLOAT`, `STRING`, `BOOLEAN`, `COMBO` (any choice form), `IMAGE`, … */
export function inputType(spec: InputSpec): string {
  if (Array.isArray(spec[0]) || spec[0] === 'COMFY_DYNAMICCOMBO_V3') return 'COMBO';
  return spec[0];
}

export function inputOptions(spec: InputSpec): InputOptions {
  return spec[1] ?? {};
}

/** Choices of a COMBO input in either form; undefined for other types. */
export function comboOptions(spec: InputSpec): (string | number)[] | undefined {
  if (Array.isArray(spec[0])) return spec[0];
  if (spec[0] !== 'COMBO' && spec[0] !== 'COMFY_DYNAMICCOMBO_V3') return undefined;
  return (spec[1]?.options ?? []).flatMap((option) => {
    if (typeof option === 'string' || typeof option === 'number') return [option];
    const key = typeof option === 'object' && option !== null && 'key' in option ? option.key : undefined;
    return typeof key === 'string' ? [key] : [];
  });
}
