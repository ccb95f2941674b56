/**
 * The one pseudo-random generator behind wildcard choices (D-4). Preview (browser) and worker must
 * draw the same numbers for the same job seed and field key, forever: any change to this file that
 * alters an output must bump `PRNG_VERSION`, which every trace records.
 *
 * Version 1:
 * - the job seed is truncated to an integer and folded into two 32-bit words, `lo = seed mod 2^32`
 *   and `hi = floor(seed / 2^32) mod 2^32` (exact for every safe integer, deterministic beyond);
 * - the stream name (the field key) is hashed with 32-bit FNV-1a over its UTF-16 code units;
 * - the three words are mixed with murmur3's `fmix32` finaliser into the initial state;
 * - numbers come from mulberry32 (one 32-bit add and two multiply-xorshift rounds per draw),
 *   divided by 2^32, so each lies in [0, 1).
 */
export const PRNG_VERSION = 1;

const TWO_POW_32 = 0x1_0000_0000;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN_GAMMA = 0x9e3779b9;
const MULBERRY_INCREMENT = 0x6d2b79f5;

/**
 * 32-bit FNV-1a of a string's UTF-16 code units.
 * @example hashString('') === 0x811c9dc5
 */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Non-negative remainder, exact for doubles. */
function modulo32(value: number): number {
  const rest = value % TWO_POW_32;
  return rest < 0 ? rest + TWO_POW_32 : rest;
}

function foldSeed(seed: number): [number, number] {
  const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  return [modulo32(whole), modulo32(Math.floor(whole / TWO_POW_32))];
}

/**
 * A generator of numbers in [0, 1) for one (seed, stream) pair; each call advances it.
 * @example createRandom(42, 'prompt')() // the same number on every machine, every time
 */
export function createRandom(seed: number, stream = ''): () => number {
  const [lo, hi] = foldSeed(seed);
  let state = fmix32(fmix32(fmix32(lo ^ GOLDEN_GAMMA) ^ hi) ^ hashString(stream));
  return () => {
    state = (state + MULBERRY_INCREMENT) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/**
 * A uniform index in [0, count) from one draw.
 * @example pickIndex(createRandom(1), 3) // 0, 1 or 2
 */
export function pickIndex(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(random() * count));
}
