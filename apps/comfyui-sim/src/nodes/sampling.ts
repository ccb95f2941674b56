import { fitInside, frameToRgb8 } from '../media/frames';
import { renderNoise, renderPattern } from '../media/pattern';
import type { NodeInfo } from '@app/shared/comfy/object-info';
import type { NodeContext, NodeRunner, PreviewImage } from './node-context';
import { firstLatent, firstOf, numberInput } from './node-inputs';
import { Opaque } from './node-values';

/** Previews are at most 512 px, like ComfyUI's latent previews [src]. */
export const PREVIEW_MAX_SIZE = 512;

/** A sampler: outputs a LATENT and takes a `steps` count or a `sigmas` schedule. */
export function isSampler(info: NodeInfo): boolean {
  if (!info.output.includes('LATENT')) return false;
  const inputs = { ...info.input.required, ...info.input.optional };
  return inputs.steps?.[0] === 'INT' || inputs.sigmas?.[0] === 'SIGMAS';
}

/**
 * Wraps a sampler's runner with simulated time: one step per `stepMs`, each reported with
 * `progress` and, when previews are on, a picture moving from noise to the result.
 */
export function withSampling(runner: NodeRunner): NodeRunner {
  return async (context) => {
    const steps = samplingSteps(context);
    const latent = firstLatent(context);
    const size = fitInside(latent?.width ?? 512, latent?.height ?? 512, PREVIEW_MAX_SIZE);
    const target = context.previews ? frameToRgb8(renderPattern(context.key, size.width, size.height)) : undefined;
    const noise = target ? frameToRgb8(renderNoise(context.key, size.width, size.height)) : undefined;
    for (let step = 1; step <= steps; step += 1) {
      await context.sleep(context.stepMs());
      const preview = target && noise ? { ...size, rgb: blendBytes(noise, target, step / steps) } : undefined;
      await context.step(step, steps, preview);
    }
    return runner(context);
  };
}

/** KSamplerAdvanced runs `min(end, steps) − start` steps; custom samplers take their sigmas' count. */
function samplingSteps(context: NodeContext): number {
  const sigmas = firstOf(context, Opaque);
  if (typeof context.inputs.steps !== 'number' && sigmas?.steps !== undefined) return Math.max(1, sigmas.steps);
  const steps = numberInput(context, 'steps', 20);
  const start = numberInput(context, 'start_at_step', 0);
  const end = numberInput(context, 'end_at_step', steps);
  return Math.max(1, Math.min(end, steps) - start);
}

/** `from` → `to` by `amount` in 1/256 steps (integer maths: this runs once per step on ~0.5 MB). */
function blendBytes(from: Buffer, to: Buffer, amount: number): PreviewImage['rgb'] {
  const weight = Math.round(amount * 256);
  const out = Buffer.alloc(to.length);
  for (let index = 0; index < to.length; index += 1) {
    const start = from[index] ?? 0;
    out[index] = start + ((((to[index] ?? 0) - start) * weight) >> 8);
  }
  return out;
}
