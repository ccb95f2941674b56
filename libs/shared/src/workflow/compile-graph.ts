import type { ObjectInfo } from '../comfy/object-info';
import { findInputSpec, inputType } from '../comfy/object-info';
import type { FieldError } from '../contracts/errors';
import { checkSwitches, fieldActivity } from '../form/field-activity';
import type { FormSchema, FormValues } from '../form/field-types';
import type { ApiGraph, ApiNode } from './api-graph';
import { applyBypasses } from './bypass-rewire';
import { jobFilenamePrefix } from './filename-prefix';
import { compareNodeIds } from './graph-nodes';
import { injectValues } from './inject-values';
import type { VideoPostprocess } from './output-markers';
import { replaceOutputMarkers } from './output-markers';
import { isOutputNode } from './output-nodes';
import { pruneGraph } from './prune-graph';
import { ownEntry} from './own-entry';

export interface CompileGraphInput {
  /** The workflow version's graph, as `checkGraph` typed it. */
  graph: ApiGraph;
  /** The form parsed from that graph. */
  schema: FormSchema;
  /** Resolved values (`resolveValues`), text already expanded, choices in the target backend's spelling. */
  values: FormValues;
  /** Fields whose bypass switch is on. */
  bypass: readonly string[];
  /** The job id (a UUID); it names the output folder. */
  jobId: string;
  /** The target backend's catalogue: needed for bypasses and to refuse class types it lacks. */
  objectInfo?: ObjectInfo;
  /** Image field key → the file name the backend gave the job's upload (`subfolder/name`). */
  uploads?: Readonly<Record<string, string>>;
  /** Applied to literal string inputs of the workflow's own nodes, except COMBO inputs (A-6, D-5). */
  transformLiteralText?: (text: string, nodeId: string, inputName: string) => string;
}

export type CompileGraphResult =
  | { ok: true; graph: ApiGraph; outputs: { nodeId: string; classType: string }[]; postprocess: VideoPostprocess[] }
  | { ok: false; errors: FieldError[] };

const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

function setPrefixes(graph: ApiGraph, jobId: string, objectInfo: ObjectInfo | undefined): ApiGraph {
  return Object.fromEntries(
    Object.entries(graph).map(([nodeId, node]) => {
      if (!isOutputNode(node.class_type, objectInfo) || !Object.hasOwn(node.inputs, 'filename_prefix')) return [nodeId, node];
      return [nodeId, { ...node, inputs: { ...node.inputs, filename_prefix: jobFilenamePrefix(jobId, node.inputs.filename_prefix) } }];
    }),
  );
}

function transformTexts(compiled: ApiGraph, input: CompileGraphInput, written: ReadonlyMap<string, ReadonlySet<string>>): ApiGraph {
  const transform = input.transformLiteralText;
  if (!transform) return compiled;
  return Object.fromEntries(
    Object.entries(compiled).map(([nodeId, node]): [string, ApiNode] => {
      // Nodes the compiler created or converted carry no text of the workflow's own.
      if (input.graph[nodeId]?.class_type !== node.class_type) return [nodeId, node];
      const info = ownEntry(input.objectInfo, node.class_type);
      const inputs = Object.fromEntries(
        Object.entries(node.inputs).map(([name, value]) => {
          const spec = info ? findInputSpec(info, name) : undefined;
          const skip = typeof value !== 'string' || written.get(nodeId)?.has(name) === true || (spec !== undefined && inputType(spec) === 'COMBO');
          return [name, skip ? value : transform(value, nodeId, name)];
        }),
      );
      return [nodeId, { ...node, inputs }];
    }),
  );
}

/** Nodes in id order, each `{class_type, inputs, _meta?}`: same inputs, same bytes. */
function stableGraph(graph: ApiGraph): ApiGraph {
  const result: ApiGraph = {};
  for (const nodeId of Object.keys(graph).sort(compareNodeIds)) {
    const node = graph[nodeId]!;
    result[nodeId] = { class_type: node.class_type, inputs: node.inputs, ...(node._meta?.title === undefined ? {} : { _meta: { title: node._meta.title } }) };
  }
  return result;
}

/**
 * W-20: graph + form + resolved values → the vanilla ComfyUI graph one job submits. Bypasses are
 * rewired (W-17), value markers become typed literals, `CozyGenImageInput` becomes `LoadImage`,
 * output markers become core savers (video extras as postprocess steps), every saver writes under
 * `cg/<jobId>/`, markers and dead nodes go. No `CozyGen*` class and no dangling link remain; with
 * `objectInfo`, class types it lacks fail the compile. Inputs are not changed.
 * @example compileGraph({ graph, schema, values, bypass: ['Lora 1'], jobId, objectInfo }) → { ok: true, graph: { '8': { class_type: 'VAEDecode', … } … }, … }
 */
export function compileGraph(input: CompileGraphInput): CompileGraphResult {
  if (!JOB_ID.test(input.jobId)) return { ok: false, errors: [{ field: 'jobId', message: 'job id must be 1–64 letters, digits, "_" or "-"' }] };
  const switchErrors = checkSwitches(input.schema, input.bypass, 'bypass');
  if (switchErrors.length > 0) return { ok: false, errors: switchErrors };
  const activity = fieldActivity(input.schema, input.bypass);
  const removals = input.schema.fields.flatMap((field) => (field.bypass && activity.bypassed.includes(field.name) ? [{ field: field.name, nodes: field.bypass.nodes }] : []));

  const bypassed = applyBypasses(input.graph, removals, input.objectInfo);
  if (!bypassed.ok) return bypassed;
  const unused = new Set([...activity.bypassed, ...activity.inactive]);
  const injected = injectValues(bypassed.graph, input.schema, input.values, unused, input.uploads ?? {});
  if (!injected.ok) return injected;
  const converted = replaceOutputMarkers(injected.graph);
  if (!converted.ok) return converted;
  const pruned = pruneGraph(setPrefixes(converted.graph, input.jobId, input.objectInfo), input.objectInfo);
  if (!pruned.ok) return pruned;

  const compiled = stableGraph(transformTexts(pruned.graph, input, injected.written));
  if (input.objectInfo) {
    const missing = [...new Set(Object.values(compiled).map((node) => node.class_type))].filter((classType) => !ownEntry(input.objectInfo, classType)).sort();
    if (missing.length > 0) return { ok: false, errors: [{ field: 'graph', message: `the backend lacks node types: ${missing.join(', ')}` }] };
  }
  const postprocess = converted.postprocess.filter((step) => compiled[step.nodeId]);
  return { ok: true, graph: compiled, outputs: pruned.outputs, postprocess };
}
