import { fitInside, frameToRgb8, resizeFrame } from '../media/frames';
import type { NodeRunner } from './node-context';
import { imageInput, numberInput } from './node-inputs';
import { PREVIEW_MAX_SIZE } from './sampling';

/**
 * The test-only `CaptureProgressPreview` (fixtures/comfyui-real/README.md): for i = 1…steps,
 * wait `delay_ms`, then report step i with a JPEG preview of the first image; output = input.
 */
export const captureProgressPreview: NodeRunner = async (context) => {
  const image = imageInput(context, 'image');
  const steps = numberInput(context, 'steps', 3);
  const delay = numberInput(context, 'delay_ms', 50);
  const first = image.frames[0];
  const size = fitInside(image.width, image.height, PREVIEW_MAX_SIZE);
  const preview = first && { ...size, rgb: frameToRgb8(resizeFrame(first, size.width, size.height)) };
  for (let step = 1; step <= steps; step += 1) {
    await context.sleep(delay);
    await context.step(step, steps, preview);
  }
  return { values: [image] };
};
