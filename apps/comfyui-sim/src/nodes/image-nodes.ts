import { invertFrame, resizeFrame, solidFrame } from '../media/frames';
import type { NodeResult, NodeRunner } from './node-context';
import { imageInput, numberInput, stringInput } from './node-inputs';
import { ImageBatch } from './node-values';

/** Core image nodes whose pixels a test can check exactly. */
export const IMAGE_RUNNERS: Readonly<Record<string, NodeRunner>> = {
  /** `EmptyImage`: each channel is `((color >> shift) & 0xFF) / 0xFF` in float32. */
  EmptyImage: (context) => {
    const width = numberInput(context, 'width', 512);
    const height = numberInput(context, 'height', 512);
    const color = numberInput(context, 'color', 0);
    const channel = (shift: number): number => ((color >> shift) & 0xff) / 0xff;
    const frame = solidFrame(width, height, [channel(16), channel(8), channel(0)]);
    return done([new ImageBatch(Array.from({ length: numberInput(context, 'batch_size', 1) }, () => frame))]);
  },
  /** `ImageInvert`: `1.0 - image`. */
  ImageInvert: (context) => done([new ImageBatch(imageInput(context, 'image').frames.map(invertFrame))]),
  ImageFromBatch: (context) => done([sliceBatch(imageInput(context, 'image'), numberInput(context, 'batch_index', 0), numberInput(context, 'length', 1))]),
  /** essentials' variant: `length` −1 means "to the end". */
  'ImageFromBatch+': (context) => {
    const image = imageInput(context, 'image');
    const start = numberInput(context, 'start', 0);
    const length = numberInput(context, 'length', -1);
    return done([sliceBatch(image, start, length < 0 ? image.frames.length : length)]);
  },
  GetImageSizeAndCount: (context) => {
    const image = imageInput(context, 'image');
    return done([image, image.width, image.height, image.frames.length]);
  },
  /** Fits the image inside max_width × max_height, rounded to `round_to`. */
  AspectFitSizeChooser: (context) => {
    const image = imageInput(context, 'image');
    const roundTo = Math.max(1, numberInput(context, 'round_to', 16));
    const limit = Math.min(numberInput(context, 'max_width', 720) / image.width, numberInput(context, 'max_height', 720) / image.height);
    const scale = context.inputs.allow_upscale === true ? limit : Math.min(1, limit);
    const round = (value: number): number => Math.max(roundTo, Math.round((value * scale) / roundTo) * roundTo);
    return done([round(image.width), round(image.height)]);
  },
  /** KJNodes' resize: exact size for stretch/crop/pad, fitted for `resize`, then `divisible_by`. */
  ImageResizeKJv2: (context) => {
    const image = imageInput(context, 'image');
    let width = numberInput(context, 'width', image.width) || image.width;
    let height = numberInput(context, 'height', image.height) || image.height;
    if (stringInput(context, 'keep_proportion', 'stretch') === 'resize') {
      const scale = Math.min(width / image.width, height / image.height);
      width = Math.round(image.width * scale);
      height = Math.round(image.height * scale);
    }
    const divisor = Math.max(1, numberInput(context, 'divisible_by', 1));
    width = Math.max(divisor, Math.floor(width / divisor) * divisor);
    height = Math.max(divisor, Math.floor(height / divisor) * divisor);
    const resized = new ImageBatch(image.frames.map((frame) => resizeFrame(frame, width, height)));
    return done([resized, width, height, null]);
  },
};

function sliceBatch(image: ImageBatch, start: number, length: number): ImageBatch {
  const first = Math.min(Math.max(0, start), image.frames.length - 1);
  return new ImageBatch(image.frames.slice(first, first + Math.max(1, length)));
}

function done(values: NodeResult['values'], ui?: Record<string, unknown>): Promise<NodeResult> {
  return Promise.resolve(ui ? { values, ui } : { values });
}
