import type { FieldError } from '../contracts/errors';
import type { FormSchema } from './field-types';

export interface FieldActivity {
  /** Fields whose bypass switch is on (W-17), in form order. */
  bypassed: string[];
  /** Other fields that only fed removed nodes: shown inactive, their values unused. */
  inactive: string[];
  /** The nodes the bypasses remove. */
  removedNodes: string[];
}

/**
 * Which fields a set of bypass switches turns off. Keys without a bypass switch are ignored here;
 * `resolveValues` reports them.
 * @example fieldActivity(fluxSchema, ['Lora 1']) → { bypassed: ['Lora 1'], inactive: ['Lora 1 Str'], removedNodes: ['69'] }
 */
export function fieldActivity(schema: FormSchema, bypass: readonly string[]): FieldActivity {
  const bypassed = schema.fields.filter((field) => field.bypass && bypass.includes(field.name));
  const removed = new Set(bypassed.flatMap((field) => field.bypass?.nodes ?? []));
  const inactive = schema.fields.filter(
    (field) => !bypassed.includes(field) && field.targets.length > 0 && field.targets.every((target) => removed.has(target.nodeId)),
  );
  return { bypassed: bypassed.map((field) => field.name), inactive: inactive.map((field) => field.name), removedNodes: [...removed] };
}

/**
 * Switch keys that name no field with such a switch, as errors (`randomize.<key>` / `bypass.<key>`).
 * @example checkSwitches(fluxSchema, ['Steps'], 'bypass') → [{ field: 'bypass.Steps', message: 'field has no bypass switch' }]
 */
export function checkSwitches(schema: FormSchema, keys: readonly string[], kind: 'randomize' | 'bypass'): FieldError[] {
  return keys.flatMap((key) => {
    const field = schema.fields.find((candidate) => candidate.name === key);
    return field?.[kind] ? [] : [{ field: `${kind}.${key}`, message: `field has no ${kind} switch` }];
  });
}
