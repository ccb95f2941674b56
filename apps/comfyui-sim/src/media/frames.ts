/**
 * Images as ComfyUI holds them: float32 RGB in 0…1, one `Frame` per batch item. Arithmetic goes
 * through `Math.fround` so results match torch float32 bit for bit (red 16711680 inverted gives
 * exactly [0, 255, 255]; #3366CC inverted gives (204, 153, 50), fixtures/README.md).
 */
/** Hoisted: a global lookup per pixel is very slow inside jest's vm sandbox, where tests run the stand-in. */
const { floor, fround, min, trunc } = Math;

export interface Frame {
  width: number;
  height: number;
  /** Interleaved R, G, B floats, row-major. */
  data: Float32Array;
}

export function solidFrame(width: number, height: number, rgb: readonly [number, number, number]): Frame {
  const data = new Float32Array(width * height * 3);
  for (let index = 0; index < data.length; index += 3) {
    data[index] = rgb[0];
    data[index + 1] = rgb[1];
    data[index + 2] = rgb[2];
  }
  return { width, height, data };
}

export function invertFrame(frame: Frame): Frame {
  return { ...frame, data: frame.data.map((value) => 1 - value) };
}

/** SaveImage's `np.clip(255. * image, 0, 255).astype(np.uint8)`. */
export function frameToRgb8(frame: Frame): Buffer {
  const out = Buffer.alloc(frame.data.length);
  for (let index = 0; index < frame.data.length; index += 1) {
    const scaled = fround(255 * (frame.data[index] ?? 0));
    out[index] = scaled <= 0 ? 0 : scaled >= 255 ? 255 : trunc(scaled);
  }
  return out;
}

/** LoadImage's `np.array(image).astype(np.float32) / 255.0`. */
export function rgb8ToFrame(rgb: Uint8Array, width: number, height: number): Frame {
  const data = new Float32Array(width * height * 3);
  for (let index = 0; index < data.length; index += 1) data[index] = (rgb[index] ?? 0) / 255;
  return { width, height, data };
}

/** Nearest-neighbour resample: keeps the content recognisable at any size, cheaply. */
export function resizeFrame(frame: Frame, width: number, height: number): Frame {
  if (frame.width === width && frame.height === height) return frame;
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const sourceY = min(frame.height - 1, floor((y * frame.height) / height));
    for (let x = 0; x < width; x += 1) {
      const sourceX = min(frame.width - 1, floor((x * frame.width) / width));
      const from = (sourceY * frame.width + sourceX) * 3;
      const to = (y * width + x) * 3;
      data[to] = frame.data[from] ?? 0;
      data[to + 1] = frame.data[from + 1] ?? 0;
      data[to + 2] = frame.data[from + 2] ?? 0;
    }
  }
  return { width, height, data };
}

/** Size fitting inside `maxSize` × `maxSize`, aspect kept, as previews are (at most 512 px). */
export function fitInside(width: number, height: number, maxSize: number): { width: number; height: number } {
  const scale = Math.min(1, maxSize / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** `a + (b − a) · t` per channel. */
export function blendFrames(from: Frame, to: Frame, amount: number): Frame {
  const target = resizeFrame(from, to.width, to.height);
  return { ...to, data: to.data.map((value, index) => (target.data[index] ?? 0) + (value - (target.data[index] ?? 0)) * amount) };
}
