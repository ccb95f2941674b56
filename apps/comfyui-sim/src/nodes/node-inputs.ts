import { PyException } from '../python/python-values';
import type { NodeContext } from './node-context';
import { ImageBatch, Latent } from './node-values';

/** Typed reads of a node's inputs; a wrong or missing value raises as Python would at run time. */
export function imageInput(context: NodeContext, name: string): ImageBatch {
  const value = context.inputs[name];
  if (value instanceof ImageBatch) return value;
  throw new PyException('TypeError', `${context.classType}: input '${name}' is not an IMAGE`);
}

export function numberInput(context: NodeContext, name: string, fallback: number): number {
  const value = context.inputs[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function stringInput(context: NodeContext, name: string, fallback: string): string {
  const value = context.inputs[name];
  return typeof value === 'string' ? value : fallback;
}

export function booleanInput(context: NodeContext, name: string, fallback: boolean): boolean {
  const value = context.inputs[name];
  return typeof value === 'boolean' ? value : fallback;
}

/** The first input holding a value of the given class, if any. */
export function firstOf<T>(context: NodeContext, type: abstract new (...args: never[]) => T): T | undefined {
  for (const value of Object.values(context.inputs)) {
    if (value instanceof type) return value;
  }
  return undefined;
}

export function firstImage(context: NodeContext): ImageBatch | undefined {
  return firstOf(context, ImageBatch);
}

export function firstLatent(context: NodeContext): Latent | undefined {
  return firstOf(context, Latent);
}
