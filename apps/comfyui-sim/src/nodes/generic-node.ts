import { resizeFrame } from '../media/frames';
import { renderPattern } from '../media/pattern';
import type { NodeContext, NodeResult } from './node-context';
import { firstImage, firstLatent, firstOf, numberInput } from './node-inputs';
import { ImageBatch, Latent, MaskBatch, Opaque, Video, type NodeValue } from './node-values';
import { decodeLatent } from './render-latent';

const PRIMITIVE_TYPES: ReadonlySet<string> = new Set(['INT', 'FLOAT', 'STRING', 'BOOLEAN']);

/**
 * Runs any catalogue node without an implementation of its own, so arbitrary valid graphs
 * complete: each output is derived from the inputs and the node's fingerprint. Images keep the
 * upstream content (resized to `width`/`height` when given), latents keep their size, decoders
 * render from their latent, model-like outputs are opaque tokens.
 */
export function runGeneric(context: NodeContext): Promise<NodeResult> {
  const values = context.info.output.map((type, index) => genericOutput(context, type, context.info.output_name[index] ?? '', index));
  return Promise.resolve({ values });
}

function genericOutput(context: NodeContext, type: string | (string | number)[], name: string, index: number): NodeValue {
  if (Array.isArray(type)) return sameNamedInput(context, name) ?? type[0] ?? null;
  if (type === 'IMAGE') return genericImage(context);
  if (type === 'LATENT') return genericLatent(context, index);
  if (type === 'MASK') return genericMask(context);
  if (type === 'VIDEO') return genericVideo(context);
  if (type === '*') return passThrough(context);
  if (PRIMITIVE_TYPES.has(type)) return genericPrimitive(context, type, name);
  const steps = type === 'SIGMAS' ? numberInput(context, 'steps', 20) : undefined;
  return new Opaque(type, `${context.key}:${index}`, steps);
}

function genericImage(context: NodeContext): ImageBatch {
  const image = firstImage(context);
  if (image) {
    const size = requestedSize(context, image.width, image.height);
    return new ImageBatch(image.frames.map((frame) => resizeFrame(frame, size.width, size.height)));
  }
  const latent = firstLatent(context);
  if (latent) return decodeLatent(latent, context.key);
  const size = requestedSize(context, 512, 512);
  return new ImageBatch([renderPattern(context.key, size.width, size.height)]);
}

function genericLatent(context: NodeContext, index: number): Latent {
  const fingerprint = `${context.key}:${index}`;
  const denoise = numberInput(context, 'denoise', 1);
  const latent = firstLatent(context);
  if (latent) return new Latent(latent.width, latent.height, latent.batch, latent.length, fingerprint, Math.min(latent.denoise, denoise), latent.source);
  if (typeof context.inputs.width === 'number' && typeof context.inputs.height === 'number') {
    return new Latent(context.inputs.width, context.inputs.height, numberInput(context, 'batch_size', 1), numberInput(context, 'length', 1), fingerprint);
  }
  const image = firstImage(context);
  if (image) return new Latent(image.width, image.height, image.frames.length, 1, fingerprint, 1, image);
  return new Latent(512, 512, 1, 1, fingerprint);
}

function genericMask(context: NodeContext): MaskBatch {
  const image = firstImage(context);
  const latent = firstLatent(context);
  const width = image?.width ?? latent?.width ?? numberInput(context, 'width', 64);
  const height = image?.height ?? latent?.height ?? numberInput(context, 'height', 64);
  const count = image?.frames.length ?? 1;
  return new MaskBatch(width, height, Array.from({ length: count }, () => new Float32Array(width * height)));
}

function genericVideo(context: NodeContext): Video | Opaque {
  const image = firstImage(context);
  if (image) return new Video(image.frames, numberInput(context, 'fps', 24));
  return firstOf(context, Video) ?? new Opaque('VIDEO', context.key);
}

function genericPrimitive(context: NodeContext, type: string, name: string): NodeValue {
  const same = sameNamedInput(context, name);
  if (same !== undefined) return same;
  const image = firstImage(context);
  const lower = name.toLowerCase();
  if (image && lower === 'width') return image.width;
  if (image && lower === 'height') return image.height;
  if (image && (lower === 'count' || lower === 'batch_size')) return image.frames.length;
  const number = parseInt(context.key.slice(0, 8), 16) % 1000;
  if (type === 'INT') return number;
  if (type === 'FLOAT') return number / 1000;
  if (type === 'BOOLEAN') return false;
  return context.key;
}

/** A primitive input whose name equals the output's, ignoring case (`SEED` ← `seed`). */
function sameNamedInput(context: NodeContext, name: string): NodeValue | undefined {
  const entry = Object.entries(context.inputs).find(([input]) => input.toLowerCase() === name.toLowerCase());
  const value = entry?.[1];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

function passThrough(context: NodeContext): NodeValue {
  const linked = Object.entries(context.inputs).find(([name]) => context.linked.has(name));
  return linked?.[1] ?? Object.values(context.inputs)[0] ?? null;
}

function requestedSize(context: NodeContext, width: number, height: number): { width: number; height: number } {
  const scale = numberInput(context, 'scale_by', 1);
  return {
    width: Math.max(1, Math.round(numberInput(context, 'width', width * scale))),
    height: Math.max(1, Math.round(numberInput(context, 'height', height * scale))),
  };
}
