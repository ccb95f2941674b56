import { createRandom, hashString, pickIndex, PRNG_VERSION } from './seeded-random';

const firstThree = (seed: number, stream?: string): number[] => {
  const random = createRandom(seed, stream);
  return [random(), random(), random()];
};

describe('D-4 generator version 1 is pinned', () => {
  it('is version 1', () => {
    expect(PRNG_VERSION).toBe(1);
  });

  // Changing any of these numbers changes recorded results: bump PRNG_VERSION instead.
  it.each([
    [0, undefined, [0.9861848682630807, 0.011935164453461766, 0.6552003303077072]],
    [1, undefined, [0.1975743304938078, 0.7915272398386151, 0.13708469364792109]],
    [42, 'positive', [0.10826131049543619, 0.8852194244973361, 0.28325589606538415]],
    [42, 'negative', [0.10489561129361391, 0.5825126320123672, 0.3753206229303032]],
    [2 ** 53 - 1, 'positive', [0.3347161312121898, 0.7041626977734268, 0.5099218073301017]],
    [2 ** 32, 'positive', [0.714976639021188, 0.36917244899086654, 0.6994042040314525]],
  ])('seed %p, stream %p', (seed, stream, expected) => {
    expect(firstThree(seed, stream)).toEqual(expected);
  });

  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['positive', 3196975738],
    ['é', 1812687940],
  ])('hashes %p with FNV-1a', (text, expected) => {
    expect(hashString(text)).toBe(expected);
  });
});

describe('seed folding', () => {
  it('truncates fractional seeds', () => {
    expect(firstThree(7.9, 'x')).toEqual(firstThree(7, 'x'));
  });

  it('keeps the high word of large seeds', () => {
    expect(firstThree(2 ** 32 + 5, 'x')).not.toEqual(firstThree(5, 'x'));
    expect(firstThree(2 ** 53 - 1, 'x')).not.toEqual(firstThree(2 ** 53 - 2, 'x'));
  });

  it('treats a non-finite seed as 0', () => {
    expect(firstThree(Number.NaN, 'x')).toEqual(firstThree(0, 'x'));
  });
});

describe('distribution', () => {
  it('stays in [0, 1) and picks every index of a small range about equally', () => {
    const random = createRandom(123, 'positive');
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) {
      const index = pickIndex(random, counts.length);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('gives different sequences for different seeds and streams', () => {
    const sequences = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) {
      sequences.add(firstThree(seed, 'positive').join());
      sequences.add(firstThree(seed, 'negative').join());
    }
    expect(sequences.size).toBe(400);
  });
});
