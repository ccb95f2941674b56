import type { ObjectInfo } from '../comfy/object-info';
import { comboOptions, findInputSpec } from '../comfy/object-info';
import type { ChoiceSource, ChoiceValue } from '../form/field-types';
import { consumerInputSpec } from './cozygen-nodes';
import { ownEntry} from './own-entry';

/**
 * W-15: model paths differ by backend OS; `\` and `/` are the same separator, stored as `/`.
 * @example normalizeModelPath('SDXL\\m.safetensors') === 'SDXL/m.safetensors'
 */
export function normalizeModelPath(value: string): string {
  return value.replaceAll('\\', '/');
}

function sameChoice(a: ChoiceValue, b: ChoiceValue): boolean {
  return typeof a === 'string' && typeof b === 'string' ? normalizeModelPath(a) === normalizeModelPath(b) : a === b;
}

/**
 * The entry of `choices` that `value` means, in the list's own spelling (W-15), or undefined.
 * @example matchChoice('Flux/a.safetensors', ['Flux\\a.safetensors']) === 'Flux\\a.safetensors'
 */
export function matchChoice<T extends ChoiceValue>(value: ChoiceValue, choices: readonly T[]): T | undefined {
  return choices.find((choice) => choice === value) ?? choices.find((choice) => sameChoice(choice, value));
}

/** Choices as the studio stores and shows them: paths with `/`, no duplicates. */
function storedChoices(choices: readonly ChoiceValue[]): ChoiceValue[] {
  const stored: ChoiceValue[] = [];
  for (const choice of choices) {
    const normal = typeof choice === 'string' ? normalizeModelPath(choice) : choice;
    if (!stored.includes(normal)) stored.push(normal);
  }
  return stored;
}

/** What a choice field's list is derived from. */
export interface ChoiceOrigin {
  /** The inputs the field feeds. */
  targets: readonly { classType: string; input: string }[];
  /** CozyGen's `choice_type` ("" when none). */
  choiceType: string;
  /** A Dynamic marker's comma-joined `choices` ("" when none). */
  choiceList: string;
}

export interface ChoiceCatalog {
  objectInfo?: ObjectInfo;
  /** Model folder → file names, as `GET /models/<folder>` lists them. */
  modelFolders?: Readonly<Record<string, readonly string[]>>;
}

export interface ResolvedChoices {
  choices: ChoiceValue[];
  source: ChoiceSource;
}

/** CozyGen's `choice_type` spellings for KSampler lists and renamed model folders. */
function canonicalChoiceType(choiceType: string, modelFolders: ChoiceCatalog['modelFolders']): string {
  if (choiceType === 'samplers_list') return 'sampler';
  if (choiceType === 'schedulers_list') return 'scheduler';
  if (choiceType === 'clip') return 'text_encoders';
  if (choiceType === 'unet') return modelFolders && Object.hasOwn(modelFolders, 'unet_gguf') ? 'unet_gguf' : 'diffusion_models';
  return choiceType;
}

/** Options every COMBO input in the list has (matched by W-15), in the first list's order. */
function intersect(lists: readonly (readonly ChoiceValue[])[]): ChoiceValue[] {
  const [first = [], ...rest] = lists;
  return first.filter((choice) => rest.every((list) => matchChoice(choice, list) !== undefined));
}

function distinctInputs(targets: readonly { classType: string; input: string }[]): { classType: string; input: string }[] {
  const seen = new Map(targets.map((target) => [`${target.classType}\u0000${target.input}`, { classType: target.classType, input: target.input }]));
  return [...seen.values()];
}

function byChoiceType(choiceType: string, catalog: ChoiceCatalog & { objectInfo: ObjectInfo }): ResolvedChoices | undefined {
  const type = canonicalChoiceType(choiceType, catalog.modelFolders);
  if (type === 'sampler' || type === 'scheduler') {
    const input = type === 'sampler' ? 'sampler_name' : 'scheduler';
    const info = catalog.objectInfo.KSampler;
    const spec = info ? findInputSpec(info, input) : undefined;
    return { choices: (spec && comboOptions(spec)) ?? [], source: { kind: 'choiceType', choiceType: type, classType: 'KSampler', input } };
  }
  if (!type) return undefined;
  const folders = catalog.modelFolders;
  return { choices: [...(ownEntry(folders, type) ?? [])], source: { kind: 'modelFolder', folder: type, listed: folders !== undefined } };
}

/**
 * W-14: a choice field's live list — the COMBO options of the inputs it feeds (their intersection),
 * else by `choice_type` (KSampler lists or a model folder), else the marker's own list, else none.
 * Choices come back with `/` separators. Without `/object_info` the list is unknown (`unresolved`).
 * @example resolveChoices({ targets: [{ classType: 'KSampler', input: 'scheduler' }], choiceType: '', choiceList: '' }, { objectInfo })
 *   → { choices: ['simple', 'sgm_uniform', …], source: { kind: 'consumer', inputs: [{ classType: 'KSampler', input: 'scheduler' }] } }
 */
export function resolveChoices(origin: ChoiceOrigin, catalog: ChoiceCatalog): ResolvedChoices {
  const { objectInfo } = catalog;
  if (!objectInfo) return { choices: [], source: { kind: 'unresolved' } };
  const combos = origin.targets.flatMap((target) => {
    const spec = consumerInputSpec(objectInfo, target.classType, target.input);
    const options = spec && comboOptions(spec);
    return options ? [{ target, options }] : [];
  });
  const found: ResolvedChoices | undefined =
    combos.length > 0
      ? { choices: intersect(combos.map((combo) => combo.options)), source: { kind: 'consumer', inputs: distinctInputs(combos.map((combo) => combo.target)) } }
      : byChoiceType(origin.choiceType, { ...catalog, objectInfo });
  if (found) return { choices: storedChoices(found.choices), source: found.source };
  const listed = origin.choiceList.split(',').map((choice) => choice.trim()).filter((choice) => choice !== '');
  if (listed.length > 0) return { choices: storedChoices(listed), source: { kind: 'marker' } };
  return { choices: [], source: { kind: 'none' } };
}

/** Whether a field's list is known, so a value outside it is an error rather than unverifiable. */
export function hasKnownChoices(source: ChoiceSource | undefined): boolean {
  if (!source || source.kind === 'unresolved') return false;
  return source.kind !== 'modelFolder' || source.listed;
}

export interface ChoiceDefault {
  default: ChoiceValue;
  /** The wanted default when the live list lacks it (W-8). */
  unavailable?: ChoiceValue;
}

/**
 * W-8: the wanted default in the list's stored spelling; missing from a known list → flagged and the
 * first choice preselected; no default → the first choice.
 * @example choiceDefault('SDXL\\x.safetensors', { choices: ['a.safetensors'], source }) → { default: 'a.safetensors', unavailable: 'SDXL/x.safetensors' }
 */
export function choiceDefault(wanted: ChoiceValue | undefined, resolved: ResolvedChoices): ChoiceDefault {
  const first = resolved.choices[0] ?? '';
  if (wanted === undefined) return { default: first };
  const stored = typeof wanted === 'string' ? normalizeModelPath(wanted) : wanted;
  if (!hasKnownChoices(resolved.source)) return { default: stored };
  const match = matchChoice(stored, resolved.choices);
  return match === undefined ? { default: first, unavailable: stored } : { default: match };
}
