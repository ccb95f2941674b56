import type { FieldError } from '../contracts/errors';
import type { FieldValue, FormField, FormSchema, FormValues } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import { COZYGEN_IMAGE_INPUT } from './cozygen-nodes';
import { ownEntry } from './own-entry';

export interface InjectedGraph {
  graph: ApiGraph;
  /** `nodeId` → inputs the compiler wrote (they are never text-transformed again). */
  written: Map<string, Set<string>>;
}

export type InjectResult = ({ ok: true } & InjectedGraph) | { ok: false; errors: FieldError[] };

/** The value as the JSON literal its field type promises, or why it is not one. */
function typedLiteral(field: FormField, value: FieldValue | undefined): { value: FieldValue } | { error: string } {
  if (value === undefined || value === null) return { error: 'missing value' };
  const fits =
    (field.type === 'int' && Number.isSafeInteger(value)) ||
    (field.type === 'float' && typeof value === 'number' && Number.isFinite(value)) ||
    (field.type === 'boolean' && typeof value === 'boolean') ||
    (field.type === 'string' && typeof value === 'string') ||
    (field.type === 'choice' && (typeof value === 'string' || typeof value === 'number'));
  return fits ? { value } : { error: `must be a ${field.type} value` };
}

/**
 * W-20 steps 2–3 on a working copy: each active field's value written as a typed literal over the
 * links from its markers (or the plain input it names), and each `CozyGenImageInput` turned into a
 * `LoadImage` with the same id (slots 0 IMAGE, 1 MASK line up) naming the job's uploaded file.
 */
export function injectValues(graph: ApiGraph, schema: FormSchema, values: FormValues, unused: ReadonlySet<string>, uploads: Readonly<Record<string, string>>): InjectResult {
  const result: ApiGraph = Object.fromEntries(Object.entries(graph).map(([nodeId, node]) => [nodeId, { ...node, inputs: { ...node.inputs } }]));
  const written = new Map<string, Set<string>>();
  const errors: FieldError[] = [];
  const write = (nodeId: string, input: string, value: FieldValue): void => {
    const node = result[nodeId];
    if (!node) return;
    node.inputs[input] = value;
    written.set(nodeId, (written.get(nodeId) ?? new Set()).add(input));
  };
  for (const field of schema.fields.filter((candidate) => !unused.has(candidate.name))) {
    const key = `values.${field.name}`;
    if (field.type === 'image') {
      const upload = ownEntry(uploads, field.name);
      const markers = field.markerNodeIds.filter((nodeId) => result[nodeId]?.class_type === COZYGEN_IMAGE_INPUT);
      const plainTargets = field.markerNodeIds.length === 0 ? field.targets.filter((target) => result[target.nodeId]) : [];
      if (markers.length + plainTargets.length === 0) continue;
      if (!upload) {
        errors.push({ field: key, message: 'Image required' });
        continue;
      }
      for (const nodeId of markers) {
        const title = result[nodeId]?._meta?.title;
        result[nodeId] = { class_type: 'LoadImage', inputs: { image: upload }, ...(title === undefined ? {} : { _meta: { title } }) };
      }
      for (const target of plainTargets) write(target.nodeId, target.input, upload);
      continue;
    }
    const literal = typedLiteral(field, ownEntry(values, field.name));
    if ('error' in literal) errors.push({ field: key, message: literal.error });
    else for (const target of field.targets) write(target.nodeId, target.input, literal.value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, graph: result, written };
}
