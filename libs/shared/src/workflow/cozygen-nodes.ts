import { findInputSpec } from '../comfy/object-info';
import type { InputSpec, ObjectInfo } from '../comfy/object-info';
import type { FieldType } from '../form/field-types';
import type { ApiGraph, ApiNode, InputValue } from './api-graph';
import { compareNodeIds } from './graph-nodes';
import { ownEntry } from './own-entry';

/**
 * CozyGen's eight marker node types (W-5), read exactly as real exports write them: older files lack
 * keys, Dynamic inputs say `increment` where static ones say `step`, multiline has three spellings.
 * A missing (or linked) marker setting takes the default W-5 lists.
 */

export const COZYGEN_IMAGE_INPUT = 'CozyGenImageInput';
export const COZYGEN_OUTPUT = 'CozyGenOutput';
export const COZYGEN_VIDEO_OUTPUT = 'CozyGenVideoOutput';

interface ValueMarkerDefaults {
  name: string;
  defaultValue: unknown;
  min?: number;
  max?: number;
  step?: number;
}

const VALUE_MARKERS = {
  CozyGenDynamicInput: { name: 'Dynamic Parameter', defaultValue: '' },
  CozyGenFloatInput: { name: 'Float Parameter', defaultValue: 1.0, min: 0.0, max: 1024.0, step: 0.1 },
  CozyGenIntInput: { name: 'Int Parameter', defaultValue: 1, min: 0, max: 9999999999, step: 1 },
  CozyGenStringInput: { name: 'String Parameter', defaultValue: '' },
  CozyGenChoiceInput: { name: 'Choice Parameter', defaultValue: 'None' },
} satisfies Record<string, ValueMarkerDefaults>;

export type ValueMarkerClass = keyof typeof VALUE_MARKERS;

export const COZYGEN_MARKER_TYPES: readonly string[] = [...Object.keys(VALUE_MARKERS), COZYGEN_IMAGE_INPUT, COZYGEN_OUTPUT, COZYGEN_VIDEO_OUTPUT];

const IMAGE_INPUT_NAME = 'Image Input';

/** W-6: `param_type` → field type. */
const PARAM_TYPES: Record<string, Exclude<FieldType, 'image'>> = {
  STRING: 'string',
  INT: 'int',
  FLOAT: 'float',
  BOOLEAN: 'boolean',
  DROPDOWN: 'choice',
};

/** A marker that becomes (part of) a form field, its settings as written or defaulted. */
export interface InputMarker {
  nodeId: string;
  classType: string;
  /**
   * W-6: trimmed `param_name`; blank → the node's default name, as CozyGen names an unnamed image
   * input ("Image Input"); `readInputMarkers` adds the node id when that would collide.
   */
  key: string;
  /** `param_name` was blank or linked: `key` is the node's default name. */
  unnamed: boolean;
  priority: number;
  type: FieldType;
  /** Uncoerced default (W-7); `undefined` for a choice means "the first choice" (W-8). */
  defaultValue: unknown;
  min?: number;
  max?: number;
  step?: number;
  randomizeToggle: boolean;
  bypassToggle: boolean;
  multiline: boolean;
  choiceType: string;
  /** Dynamic's comma-joined `choices`. */
  choiceList: string;
  /** Problems with the marker's own settings (an unknown `param_type`). */
  problems: string[];
}

function literal(inputs: ApiNode['inputs'], key: string): InputValue | undefined {
  const value = inputs[key];
  return Array.isArray(value) ? undefined : value;
}

function readString(inputs: ApiNode['inputs'], key: string): string | undefined {
  const value = literal(inputs, key);
  return typeof value === 'string' ? value : undefined;
}

function readNumber(inputs: ApiNode['inputs'], ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = literal(inputs, key);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
}

function readFlag(inputs: ApiNode['inputs'], ...keys: string[]): boolean {
  return keys.some((key) => {
    const value = literal(inputs, key);
    return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
  });
}

function isValueMarker(classType: string): classType is ValueMarkerClass {
  return Object.hasOwn(VALUE_MARKERS, classType);
}

/** True for every CozyGen marker class, input or output. */
export function isCozyGenMarker(classType: string): boolean {
  return COZYGEN_MARKER_TYPES.includes(classType);
}

/** True for the marker classes that become form fields (value markers and the image input). */
export function isInputMarker(classType: string): boolean {
  return isValueMarker(classType) || classType === COZYGEN_IMAGE_INPUT;
}

function markerName(inputs: ApiNode['inputs'], defaultName: string): Pick<InputMarker, 'key' | 'unnamed'> {
  const name = readString(inputs, 'param_name')?.trim();
  return name ? { key: name, unnamed: false } : { key: defaultName, unnamed: true };
}

/** W-8: Choice's hidden `value` (what CozyGen's UI injected), else `default_choice`, unless "None". */
function choiceDefault(inputs: ApiNode['inputs']): string | undefined {
  const value = readString(inputs, 'value');
  if (value && value !== 'None') return value;
  const defaultChoice = readString(inputs, 'default_choice') ?? VALUE_MARKERS.CozyGenChoiceInput.defaultValue;
  return defaultChoice === 'None' ? undefined : defaultChoice;
}

function markerDefault(classType: ValueMarkerClass, type: FieldType, inputs: ApiNode['inputs'], defaults: ValueMarkerDefaults): unknown {
  if (classType === 'CozyGenChoiceInput') return choiceDefault(inputs);
  const written = literal(inputs, 'default_value');
  // A Dynamic DROPDOWN without a default starts on the first choice (W-8).
  if (type === 'choice') return written === '' ? undefined : written;
  return written ?? defaults.defaultValue;
}

function fieldTypeOf(classType: ValueMarkerClass, inputs: ApiNode['inputs'], problems: string[]): Exclude<FieldType, 'image'> {
  switch (classType) {
    case 'CozyGenFloatInput':
      return 'float';
    case 'CozyGenIntInput':
      return 'int';
    case 'CozyGenStringInput':
      return 'string';
    case 'CozyGenChoiceInput':
      return 'choice';
    case 'CozyGenDynamicInput': {
      const paramType = readString(inputs, 'param_type') ?? 'STRING';
      const type = ownEntry(PARAM_TYPES, paramType);
      if (type) return type;
      problems.push(`unknown param_type ${JSON.stringify(paramType)}, read as STRING`);
      return 'string';
    }
  }
}

/** The marker behind a form field, or undefined when the node is not an input marker. */
export function readInputMarker(nodeId: string, node: ApiNode): InputMarker | undefined {
  const { inputs, class_type: classType } = node;
  if (classType === COZYGEN_IMAGE_INPUT) {
    return {
      nodeId,
      classType,
      ...markerName(inputs, IMAGE_INPUT_NAME),
      priority: 0,
      type: 'image',
      defaultValue: null,
      randomizeToggle: false,
      bypassToggle: false,
      multiline: false,
      choiceType: '',
      choiceList: '',
      problems: [],
    };
  }
  if (!isValueMarker(classType)) return undefined;
  const defaults: ValueMarkerDefaults = VALUE_MARKERS[classType];
  const problems: string[] = [];
  const type = fieldTypeOf(classType, inputs, problems);
  return {
    nodeId,
    classType,
    ...markerName(inputs, defaults.name),
    priority: readNumber(inputs, 'priority') ?? 0,
    type,
    defaultValue: markerDefault(classType, type, inputs, defaults),
    min: readNumber(inputs, 'min_value') ?? defaults.min,
    max: readNumber(inputs, 'max_value') ?? defaults.max,
    step: readNumber(inputs, 'step', 'increment') ?? defaults.step,
    randomizeToggle: readFlag(inputs, 'add_randomize_toggle'),
    bypassToggle: readFlag(inputs, 'display_bypass'),
    multiline: readFlag(inputs, 'Multiline', 'multiline', 'display_multiline'),
    choiceType: readString(inputs, 'choice_type')?.trim() ?? '',
    choiceList: readString(inputs, 'choices') ?? '',
    problems,
  };
}

/**
 * Every input marker of a graph in node id order, unnamed ones told apart: an unnamed marker keeps
 * its default name unless another marker has the same key, then it becomes "<name> <node id>" (a
 * named marker never changes: presets and remembered values use its name).
 */
export function readInputMarkers(graph: ApiGraph): InputMarker[] {
  const markers = Object.keys(graph)
    .sort(compareNodeIds)
    .flatMap((nodeId) => readInputMarker(nodeId, graph[nodeId]!) ?? []);
  const uses = new Map<string, number>();
  for (const marker of markers) uses.set(marker.key, (uses.get(marker.key) ?? 0) + 1);
  return markers.map((marker) => (marker.unnamed && (uses.get(marker.key) ?? 0) > 1 ? { ...marker, key: `${marker.key} ${marker.nodeId}` } : marker));
}

/** CozyGenOutput's and CozyGenVideoOutput's settings when absent (W-5). */
export const OUTPUT_DEFAULTS = {
  imagePrefix: 'CozyGen/output',
  videoPrefix: 'CozyGen/video',
  frameRate: 8,
  loopCount: 0,
  format: 'video/webm',
  pingpong: false,
} as const;

export const VIDEO_FORMATS = ['video/webm', 'video/mp4', 'image/gif'] as const;

/**
 * The output markers' input specs (as CozyGen declares them), so a value marker feeding one gets the
 * same bounds and choices whether or not the backend has CozyGen installed.
 */
const OUTPUT_INPUT_SPECS: Record<string, Record<string, InputSpec>> = {
  [COZYGEN_OUTPUT]: { filename_prefix: ['STRING', { default: OUTPUT_DEFAULTS.imagePrefix }] },
  [COZYGEN_VIDEO_OUTPUT]: {
    frame_rate: ['INT', { default: OUTPUT_DEFAULTS.frameRate, min: 1, max: 24 }],
    loop_count: ['INT', { default: OUTPUT_DEFAULTS.loopCount, min: 0, max: 100 }],
    filename_prefix: ['STRING', { default: OUTPUT_DEFAULTS.videoPrefix }],
    format: [[...VIDEO_FORMATS]],
    pingpong: ['BOOLEAN', { default: OUTPUT_DEFAULTS.pingpong }],
  },
};

function outputMarkerInputSpec(classType: string, input: string): InputSpec | undefined {
  return ownEntry(ownEntry(OUTPUT_INPUT_SPECS, classType), input);
}

/**
 * The spec of the input a field feeds: from the backend's catalogue, or, for CozyGen's output markers
 * (compiled away, so often absent there), from CozyGen's own declaration.
 */
export function consumerInputSpec(objectInfo: ObjectInfo | undefined, classType: string, input: string): InputSpec | undefined {
  const info = ownEntry(objectInfo, classType);
  return info ? findInputSpec(info, input) : outputMarkerInputSpec(classType, input);
}
