import type { ChoiceValue, FieldTarget, FieldType, FormField } from '../form/field-types';
import type { ApiGraph } from './api-graph';
import type { ChoiceCatalog } from './choice-lists';
import { choiceDefault, resolveChoices } from './choice-lists';
import { coerceDefault } from './coerce-default';
import { consumerInputSpec } from './cozygen-nodes';
import type { Bounds } from './field-bounds';
import { clampToBounds, fieldStep, narrowBounds, specBounds, typedBounds } from './field-bounds';

/** What marker and plain detection know about a field before defaults, bounds and choices settle. */
export interface FieldDraft {
  name: string;
  label: string;
  type: FieldType;
  rawDefault: unknown;
  /** The marker's own limits (W-9); the fed inputs' `/object_info` limits are added here. */
  ownBounds: Bounds;
  step?: number;
  choiceType?: string;
  choiceList?: string;
  multiline?: boolean;
  randomize?: { initial: boolean };
  bypass?: { nodes: string[] };
  targets: FieldTarget[];
  markerNodeIds: string[];
}

function numberField(draft: FieldDraft, type: 'int' | 'float', graph: ApiGraph, catalog: ChoiceCatalog, problems: string[]): Partial<FormField> {
  const consumers = draft.targets.flatMap((target) => {
    const spec = consumerInputSpec(catalog.objectInfo, graph[target.nodeId]?.class_type ?? '', target.input);
    return spec ? [specBounds(spec)] : [];
  });
  const narrowed = narrowBounds(draft.ownBounds, consumers);
  if (narrowed.conflict) problems.push("the field's limits do not overlap those of the inputs it feeds; using the inputs' limits");
  const bounds = typedBounds(type, narrowed.bounds);
  const coerced = coerceDefault(type, draft.rawDefault);
  if (coerced.problem) problems.push(coerced.problem);
  const wanted = typeof coerced.value === 'number' ? coerced.value : 0;
  const value = clampToBounds(wanted, bounds);
  if (value !== wanted) problems.push(`default ${wanted} is outside ${bounds.min ?? '−∞'}…${bounds.max ?? '∞'}; using ${value}`);
  return { default: value, ...bounds, step: fieldStep(type, draft.step) };
}

function choiceField(draft: FieldDraft, graph: ApiGraph, catalog: ChoiceCatalog, problems: string[]): Partial<FormField> {
  const targets = draft.targets.map((target) => ({ classType: graph[target.nodeId]?.class_type ?? '', input: target.input }));
  const resolved = resolveChoices({ targets, choiceType: draft.choiceType ?? '', choiceList: draft.choiceList ?? '' }, catalog);
  const coerced = coerceDefault('choice', draft.rawDefault);
  if (coerced.problem) problems.push(coerced.problem);
  const wanted = typeof coerced.value === 'string' || typeof coerced.value === 'number' ? (coerced.value satisfies ChoiceValue) : undefined;
  const chosen = choiceDefault(wanted, resolved);
  if (resolved.source.kind === 'none' || (resolved.choices.length === 0 && resolved.source.kind !== 'unresolved')) {
    problems.push('no choices available');
  } else if (chosen.unavailable !== undefined) {
    problems.push(`default ${JSON.stringify(chosen.unavailable)} is unavailable on every backend`);
  }
  return {
    default: chosen.default,
    choices: resolved.choices,
    choiceSource: resolved.source,
    ...(chosen.unavailable === undefined ? {} : { defaultUnavailable: chosen.unavailable }),
  };
}

function typedPart(draft: FieldDraft, graph: ApiGraph, catalog: ChoiceCatalog, problems: string[]): Partial<FormField> {
  switch (draft.type) {
    case 'int':
    case 'float':
      return numberField(draft, draft.type, graph, catalog, problems);
    case 'choice':
      return choiceField(draft, graph, catalog, problems);
    case 'image':
      return { default: null };
    case 'string':
    case 'boolean': {
      const coerced = coerceDefault(draft.type, draft.rawDefault);
      if (coerced.problem) problems.push(coerced.problem);
      return { default: coerced.value ?? null, ...(draft.type === 'string' ? { multiline: draft.multiline ?? false } : {}) };
    }
  }
}

/**
 * A finished form field: W-7 default coercion, W-9 bounds (narrowed by the fed inputs' limits and
 * clamped for integers), W-8/W-14 choices; `problems` are import warnings for this field.
 */
export function buildField(draft: FieldDraft, graph: ApiGraph, catalog: ChoiceCatalog): { field: FormField; problems: string[] } {
  const problems: string[] = [];
  const typed = typedPart(draft, graph, catalog, problems);
  const field: FormField = {
    name: draft.name,
    label: draft.label,
    type: draft.type,
    default: typed.default ?? null,
    ...typed,
    ...(draft.randomize && (draft.type === 'int' || draft.type === 'float') ? { randomize: draft.randomize } : {}),
    ...(draft.bypass ? { bypass: draft.bypass } : {}),
    targets: draft.targets,
    markerNodeIds: draft.markerNodeIds,
  };
  return { field, problems };
}
