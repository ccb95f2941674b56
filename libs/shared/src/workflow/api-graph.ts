import { z } from 'zod';
import type { FieldError } from '../contracts/errors';
import type { ObjectInfo } from '../comfy/object-info';
import { checkGraph } from './check-graph';
import { locateJsonError } from './json-error-position';

/**
 * The ComfyUI API-format graph (W-1) as the studio imports, stores and submits it: node id →
 * `{class_type, inputs, _meta?}`. Every array input is a link `[nodeId, slot]` (ComfyUI itself treats
 * any list as a link); other inputs are literals, including objects some custom nodes write.
 */
export const nodeLinkSchema = z.tuple([z.string(), z.number().int().nonnegative()]);
export type NodeLink = z.infer<typeof nodeLinkSchema>;

export const literalValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown())]);
export type LiteralValue = z.infer<typeof literalValueSchema>;

export const inputValueSchema = z.union([nodeLinkSchema, literalValueSchema]);
export type InputValue = z.infer<typeof inputValueSchema>;

export const apiNodeSchema = z.object({
  class_type: z.string().min(1),
  inputs: z.record(z.string(), inputValueSchema),
  _meta: z.looseObject({ title: z.string().optional() }).optional(),
});
export type ApiNode = z.infer<typeof apiNodeSchema>;

export const apiGraphSchema = z.record(z.string(), apiNodeSchema);
export type ApiGraph = z.infer<typeof apiGraphSchema>;

export type GraphResult = { ok: true; graph: ApiGraph } | { ok: false; errors: FieldError[] };

/**
 * Parses an uploaded workflow file: JSON syntax (with line and column), then every W-1 problem.
 * @example parseGraphJson('{"1": ') → { ok: false, errors: [{ field: 'graph', message: 'Invalid JSON at line 1, column 7: …' }] }
 */
export function parseGraphJson(text: string, objectInfo?: ObjectInfo): GraphResult {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    const { line, column, message } = locateJsonError(text, problem);
    return { ok: false, errors: [{ field: 'graph', message: `Invalid JSON at line ${line}, column ${column}: ${message}` }] };
  }
  return checkGraph(data, objectInfo);
}
