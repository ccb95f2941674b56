import type { Frame } from '../media/frames';

/** `IMAGE`: a batch of frames of one size. */
export class ImageBatch {
  constructor(readonly frames: readonly Frame[]) {
    if (frames.length === 0) throw new Error('an image batch needs at least one frame');
  }

  get width(): number {
    return this.frames[0]?.width ?? 0;
  }

  get height(): number {
    return this.frames[0]?.height ?? 0;
  }
}

/** `MASK`: one float plane per batch item. */
export class MaskBatch {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly planes: readonly Float32Array[],
  ) {}
}

/**
 * `LATENT`, described rather than computed: pixel size, batch, frames per item (video latents) and
 * the fingerprint decoding renders from; `source` carries an encoded image for img2img.
 */
export class Latent {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly batch: number,
    readonly length: number,
    readonly fingerprint: string,
    readonly denoise = 1,
    readonly source?: ImageBatch,
  ) {}
}

/** `VIDEO` from CreateVideo. */
export class Video {
  constructor(
    readonly frames: readonly Frame[],
    readonly fps: number,
  ) {}
}

/** Everything else (`MODEL`, `CLIP`, `CONDITIONING`, …): only its identity matters downstream. */
export class Opaque {
  constructor(
    readonly type: string,
    readonly fingerprint: string,
    /** Step count carried by `SIGMAS` to a custom sampler. */
    readonly steps?: number,
  ) {}
}

export type RuntimeValue = ImageBatch | MaskBatch | Latent | Video | Opaque;

/** A node input or output: a runtime value or a literal from the graph. */
export type NodeValue = RuntimeValue | string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown };

export function isRuntimeValue(value: unknown): value is RuntimeValue {
  return value instanceof ImageBatch || value instanceof MaskBatch || value instanceof Latent || value instanceof Video || value instanceof Opaque;
}

/** How `current_inputs` shows a value: Python's `str()` of a tensor is long; a summary serves. */
export function describeValue(value: RuntimeValue): string {
  if (value instanceof ImageBatch) return `tensor(shape=[${value.frames.length}, ${value.height}, ${value.width}, 3])`;
  if (value instanceof MaskBatch) return `tensor(shape=[${value.planes.length}, ${value.height}, ${value.width}])`;
  if (value instanceof Latent) return `{'samples': tensor(shape=[${value.batch}, 4, ${value.height / 8}, ${value.width / 8}])}`;
  if (value instanceof Video) return `<VideoFromComponents frames=${value.frames.length}>`;
  return `<${value.type}>`;
}
