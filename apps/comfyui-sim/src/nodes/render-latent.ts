import { blendFrames, type Frame } from '../media/frames';
import { renderPattern } from '../media/pattern';
import { ImageBatch, type Latent } from './node-values';

/**
 * Decodes a described latent into pixels: batch × length frames at the latent's pixel size, drawn
 * from `fingerprint` (the decoder's cache key) and, for img2img, blended with the encoded source
 * by the sampler's denoise strength.
 */
export function decodeLatent(latent: Latent, fingerprint: string): ImageBatch {
  const frames: Frame[] = [];
  for (let item = 0; item < latent.batch; item += 1) {
    for (let index = 0; index < latent.length; index += 1) {
      const picture = renderPattern(`${fingerprint}:${item}`, latent.width, latent.height, index);
      const source = latent.source?.frames[Math.min(item, latent.source.frames.length - 1)];
      frames.push(source && latent.denoise < 1 ? blendFrames(source, picture, latent.denoise) : picture);
    }
  }
  return new ImageBatch(frames);
}
