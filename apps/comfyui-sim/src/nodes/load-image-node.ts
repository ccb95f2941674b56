import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { rgb8ToFrame, type Frame } from '../media/frames';
import { PyException } from '../python/python-values';
import type { NodeContext, NodeResult, NodeRunner } from './node-context';
import { stringInput } from './node-inputs';
import { ImageBatch, MaskBatch } from './node-values';

interface DecodedImage {
  frames: Frame[];
  /** Alpha planes in 0…1, when the file has alpha. */
  alpha?: Float32Array[];
  width: number;
  height: number;
}

/**
 * LoadImage and LoadImageMask: EXIF-rotated RGB frames (every frame of an animated file), mask =
 * 1 − alpha or a 64×64 zero mask. A file that is not an image fails like PIL does [obs 06].
 */
export const LOAD_IMAGE_RUNNERS: Readonly<Record<string, NodeRunner>> = {
  LoadImage: async (context) => {
    const image = await decodeInputImage(context);
    const mask = image.alpha
      ? new MaskBatch(image.width, image.height, image.alpha.map((plane) => plane.map((value) => 1 - value)))
      : new MaskBatch(64, 64, [new Float32Array(64 * 64)]);
    return { values: [new ImageBatch(image.frames), mask] };
  },
  LoadImageMask: async (context): Promise<NodeResult> => {
    const image = await decodeInputImage(context);
    const channel = stringInput(context, 'channel', 'alpha');
    const planes = image.frames.map((frame, index) => {
      if (channel === 'alpha') return image.alpha?.[index]?.map((value) => 1 - value) ?? new Float32Array(frame.width * frame.height);
      const offset = ['red', 'green', 'blue'].indexOf(channel);
      return Float32Array.from({ length: frame.width * frame.height }, (_, pixel) => frame.data[pixel * 3 + offset] ?? 0);
    });
    return { values: [new MaskBatch(image.width, image.height, planes)] };
  },
};

async function decodeInputImage(context: NodeContext): Promise<DecodedImage> {
  const path = context.dirs.inputPath(stringInput(context, 'image', ''));
  const bytes = await readFile(path).catch(() => {
    throw new PyException('FileNotFoundError', `[Errno 2] No such file or directory: '${path}'`);
  });
  try {
    const pages = (await sharp(bytes).metadata()).pages ?? 1;
    const decoder = pages > 1 ? sharp(bytes, { animated: true }) : sharp(bytes).rotate();
    const { data, info } = await decoder.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const frameCount = info.pages ?? 1;
    const height = info.pageHeight ?? info.height;
    const width = info.width;
    const channels = info.channels;
    const hasAlpha = channels === 4 || channels === 2;
    const frames: Frame[] = [];
    const alpha: Float32Array[] = [];
    const colourOffsets = channels >= 3 ? [0, 1, 2] : [0, 0, 0];
    for (let page = 0; page < frameCount; page += 1) {
      const rgb = new Uint8Array(width * height * 3);
      const plane = new Float32Array(width * height);
      for (let pixel = 0; pixel < width * height; pixel += 1) {
        const from = (page * width * height + pixel) * channels;
        for (let channel = 0; channel < 3; channel += 1) rgb[pixel * 3 + channel] = data[from + (colourOffsets[channel] ?? 0)] ?? 0;
        if (hasAlpha) plane[pixel] = (data[from + channels - 1] ?? 255) / 255;
      }
      frames.push(rgb8ToFrame(rgb, width, height));
      alpha.push(plane);
    }
    return hasAlpha ? { frames, alpha, width, height } : { frames, width, height };
  } catch {
    throw new PyException('PIL.UnidentifiedImageError', `cannot identify image file '${path}'`);
  }
}
