import type { Frame } from './frames';

/** Hoisted: a global lookup per pixel is very slow inside jest's vm sandbox, where tests run the stand-in. */
const { abs, max, min } = Math;

/**
 * Deterministic stand-in "generations": a two-colour gradient with a few circles and rectangles
 * whose colours, positions and sizes come from a hex fingerprint (the producing node's cache key).
 * Same fingerprint → identical pixels; another seed or prompt → a visibly different picture. In a
 * video, frame `index` moves each shape along its own direction.
 */
export function renderPattern(fingerprint: string, width: number, height: number, index = 0): Frame {
  const random = seededRandom(fingerprint);
  const colour = (): [number, number, number] => [random(), random(), random()];
  const from = colour();
  const to = colour();
  const angle = random() * Math.PI * 2;
  const shapes = Array.from({ length: 3 + Math.floor(random() * 3) }, () => ({
    round: random() < 0.5,
    x: random(),
    y: random(),
    size: 0.08 + random() * 0.22,
    dx: (random() - 0.5) * 0.04,
    dy: (random() - 0.5) * 0.04,
    rgb: colour(),
  }));
  const data = new Float32Array(width * height * 3);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const longest = Math.max(width, height);
  const placed = shapes.map((shape) => ({ ...shape, x: wrap(shape.x + shape.dx * index), y: wrap(shape.y + shape.dy * index) }));
  for (let y = 0; y < height; y += 1) {
    const v = height > 1 ? y / (height - 1) : 0;
    for (let x = 0; x < width; x += 1) {
      const u = width > 1 ? x / (width - 1) : 0;
      const t = min(1, max(0, 0.5 + ((u - 0.5) * cos + (v - 0.5) * sin) / Math.SQRT2));
      let r = from[0] + (to[0] - from[0]) * t;
      let g = from[1] + (to[1] - from[1]) * t;
      let b = from[2] + (to[2] - from[2]) * t;
      for (const shape of placed) {
        const dx = ((u - shape.x) * width) / longest;
        const dy = ((v - shape.y) * height) / longest;
        const inside = shape.round ? dx * dx + dy * dy < shape.size * shape.size : abs(dx) < shape.size && abs(dy) < shape.size * 0.7;
        if (inside) {
          r = shape.rgb[0];
          g = shape.rgb[1];
          b = shape.rgb[2];
        }
      }
      const offset = (y * width + x) * 3;
      data[offset] = r;
      data[offset + 1] = g;
      data[offset + 2] = b;
    }
  }
  return { width, height, data };
}

/** Per-pixel noise for early sampling steps, also derived from the fingerprint. */
export function renderNoise(fingerprint: string, width: number, height: number): Frame {
  const random = seededRandom(`${fingerprint}:noise`);
  const data = new Float32Array(width * height * 3);
  for (let index = 0; index < data.length; index += 1) data[index] = random();
  return { width, height, data };
}

function wrap(value: number): number {
  return value - Math.floor(value);
}

/** sfc32 seeded from an FNV-1a hash of the text: fast, deterministic, good enough for pictures. */
function seededRandom(text: string): () => number {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((basis, lane) => {
    let hash = basis ^ lane;
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    return hash >>> 0;
  });
  let [a = 0, b = 0, c = 0, d = 0] = seeds;
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}
