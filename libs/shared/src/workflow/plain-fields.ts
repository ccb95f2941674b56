import type { InputSpec } from '../comfy/object-info';
import { findInputSpec, inputOptions, inputType } from '../comfy/object-info';
import type { FieldType, FormField, Warning } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import type { ChoiceCatalog } from './choice-lists';
import type { FieldDraft } from './field-builder';
import { buildField } from './field-builder';
import { compareNodeIds, indexConsumers, isLink, nodeTitle } from './graph-nodes';
import type { PromptRole } from './prompt-roles';
import { promptRole } from './prompt-roles';
import { ownEntry} from './own-entry';

export const MAX_PLAIN_FIELDS = 40;

type Group = 'prompt' | 'image' | 'seed' | 'size' | 'sampler' | 'model';
const GROUP_ORDER: readonly Group[] = ['prompt', 'image', 'seed', 'size', 'sampler', 'model'];

/** W-18's named inputs, in display order within their group; the type applies without `/object_info`. */
const NAMED_INPUTS: readonly (readonly [string, Group, FieldType])[] = [
  ['seed', 'seed', 'int'],
  ['noise_seed', 'seed', 'int'],
  ['width', 'size', 'int'],
  ['height', 'size', 'int'],
  ['batch_size', 'size', 'int'],
  ['length', 'size', 'int'],
  ['steps', 'sampler', 'int'],
  ['cfg', 'sampler', 'float'],
  ['sampler_name', 'sampler', 'choice'],
  ['scheduler', 'sampler', 'choice'],
  ['denoise', 'sampler', 'float'],
  ['ckpt_name', 'model', 'choice'],
  ['unet_name', 'model', 'choice'],
  ['vae_name', 'model', 'choice'],
  ['clip_name', 'model', 'choice'],
  ['clip_name1', 'model', 'choice'],
  ['clip_name2', 'model', 'choice'],
  ['lora_name', 'model', 'choice'],
  ['strength_model', 'model', 'float'],
  ['strength_clip', 'model', 'float'],
  ['control_net_name', 'model', 'choice'],
];

const PROMPT_INPUTS: Record<string, readonly string[]> = { CLIPTextEncode: ['text'], CLIPTextEncodeSDXL: ['text_g', 'text_l'] };
const SPEC_TYPES: Record<string, FieldType> = { INT: 'int', FLOAT: 'float', STRING: 'string', BOOLEAN: 'boolean', COMBO: 'choice' };
const ROLE_LABELS: Record<PromptRole, string> = { positive: 'Prompt', negative: 'Negative prompt' };

interface Candidate {
  nodeId: string;
  input: string;
  group: Group;
  /** Sorts within the group before the node id: positive, negative, other prompts. */
  order: number;
  /** Sorts inputs of one node. */
  rank: number;
  type: FieldType;
  baseLabel: string;
  spec?: InputSpec;
  value: unknown;
}

function isPrompt(classType: string, input: string, spec: InputSpec | undefined): boolean {
  if (ownEntry(PROMPT_INPUTS, classType)?.includes(input)) return true;
  return spec !== undefined && inputType(spec) === 'STRING' && inputOptions(spec).multiline === true;
}

/** Every literal input W-18 proposes, with its group, order and type. */
function findCandidates(graph: ApiGraph, catalog: ChoiceCatalog): Candidate[] {
  const consumers = indexConsumers(graph);
  return Object.keys(graph)
    .sort(compareNodeIds)
    .flatMap((nodeId) => {
      const node = graph[nodeId]!;
      const info = ownEntry(catalog.objectInfo, node.class_type);
      return Object.entries(node.inputs).flatMap(([input, value], position): Candidate[] => {
        if (isLink(value) || (typeof value === 'object' && value !== null)) return [];
        const spec = info ? findInputSpec(info, input) : undefined;
        const common = { nodeId, input, spec, value, baseLabel: nodeTitle(node), order: 0 };
        if (node.class_type === 'LoadImage' && input === 'image') return [{ ...common, group: 'image', rank: 0, type: 'image' }];
        if (isPrompt(node.class_type, input, spec) && typeof value === 'string') {
          const role = promptRole(graph, nodeId, consumers);
          const order = role === 'positive' ? 0 : role === 'negative' ? 1 : 2;
          return [{ ...common, group: 'prompt', order, rank: position, type: 'string', baseLabel: role ? ROLE_LABELS[role] : common.baseLabel }];
        }
        const rank = NAMED_INPUTS.findIndex(([name]) => name === input);
        const named = NAMED_INPUTS[rank];
        if (!named) return [];
        const type = spec ? ownEntry(SPEC_TYPES, inputType(spec)) : named[2];
        return type ? [{ ...common, group: named[1], rank, type }] : [];
      });
    });
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.order - b.order || compareNodeIds(a.nodeId, b.nodeId) || a.rank - b.rank;
}

/** Node title, plus the input name when several fields would share it, plus the node id if still needed. */
function labels(candidates: readonly Candidate[]): string[] {
  const count = (list: readonly string[], label: string): number => list.filter((other) => other === label).length;
  const base = candidates.map((candidate) => candidate.baseLabel);
  const withInput = candidates.map((candidate, index) => (count(base, base[index]!) > 1 ? `${candidate.baseLabel} ${candidate.input}` : candidate.baseLabel));
  return candidates.map((candidate, index) => (count(withInput, withInput[index]!) > 1 ? `${withInput[index]} (${candidate.nodeId})` : withInput[index]!));
}

function draftOf(candidate: Candidate, label: string): FieldDraft {
  const target = { nodeId: candidate.nodeId, input: candidate.input };
  return {
    name: `${candidate.nodeId}.${candidate.input}`,
    label,
    type: candidate.type,
    rawDefault: candidate.value,
    ownBounds: {},
    step: candidate.spec ? inputOptions(candidate.spec).step : undefined,
    ...(candidate.group === 'prompt' ? { multiline: true } : {}),
    ...(candidate.group === 'seed' ? { randomize: { initial: true } } : {}),
    targets: [target],
    markerNodeIds: [],
  };
}

/**
 * W-18: a proposed form for a workflow without markers — prompts, images, seed, size, sampler,
 * models — keyed `<nodeId>.<input>`, at most 40 fields.
 */
export function plainFields(graph: ApiGraph, catalog: ChoiceCatalog): { fields: FormField[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const candidates = findCandidates(graph, catalog).sort(compareCandidates);
  const kept = candidates.slice(0, MAX_PLAIN_FIELDS);
  if (candidates.length > kept.length) {
    warnings.push({ field: 'graph', message: `${candidates.length - kept.length} more detected inputs were not added to the form (at most ${MAX_PLAIN_FIELDS} fields)` });
  }
  const names = labels(kept);
  const fields = kept.map((candidate, index) => {
    const built = buildField(draftOf(candidate, names[index]!), graph, catalog);
    warnings.push(...built.problems.map((message) => ({ field: `graph.${candidate.nodeId}.inputs.${candidate.input}`, message })));
    return built.field;
  });
  return { fields, warnings };
}
