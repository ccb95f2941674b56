import { readFixtureJson, readFixtureText } from '@test/fixtures';
import type { TagLookup } from './tag-suggestions';
import { findUnknownTags, isKnownTag, suggestTags } from './tag-suggestions';
import { parseTagCsvLine } from './tag-list-parsers';

/** The server's port, implemented over the shipped list (sorted by count, most popular first). */
function danbooruLookup(): TagLookup & { scans: number[] } {
  const names: string[] = [];
  const aliasTo = new Map<string, string>();
  for (const line of readFixtureText('tags/danbooru.csv').split('\n')) {
    const result = parseTagCsvLine(line);
    if (result.kind !== 'tag') continue;
    names.push(result.tag.name);
    for (const alias of result.tag.aliases) if (!aliasTo.has(alias.toLowerCase())) aliasTo.set(alias.toLowerCase(), result.tag.name);
  }
  const lower = names.map((name) => name.toLowerCase());
  const known = new Set(lower);
  const scans: number[] = [];
  return {
    scans,
    has: (name) => known.has(name),
    aliasTarget: (name) => aliasTo.get(name),
    containingAll: (fragments, limit) => {
      scans.push(limit);
      const found: string[] = [];
      for (let i = 0; i < names.length && found.length < limit; i += 1) {
        if (fragments.every((fragment) => lower[i]?.includes(fragment))) found.push(names[i] ?? '');
      }
      return found;
    },
  };
}

const lookup = danbooruLookup();

describe('T-7 known tags', () => {
  it.each([
    ['long_hair', true],
    ['Long_Hair', true],
    ['long hair', true],
    ['longhair', true],
    ['star_\\(symbol\\)', true],
    ['star_(symbol)', true],
    ['masterpiece', false],
    ['lnog_hair', false],
  ])('%j is known: %p', (term, known) => {
    expect(isKnownTag(term, lookup)).toBe(known);
  });
});

describe('T-7 suggestions as CozyGen computes them', () => {
  it('puts a matching alias target first, then variants, then fragment matches, without case duplicates', () => {
    const limits: number[] = [];
    const small: TagLookup = {
      has: (name) => name === 'b-c',
      aliasTarget: (name) => (name === 'b_c' ? 'Zeta' : undefined),
      containingAll: (fragments, limit) => {
        limits.push(limit);
        return ['x_b_c', 'B-C', 'zeta', 'b_c_y'];
      },
    };
    expect(suggestTags('B_C', small)).toEqual(['Zeta', 'b-c', 'x_b_c', 'b_c_y']);
    expect(limits).toEqual([31]);
  });

  it.each([
    ['holding-sword', ['holding_sword']],
    ['dark_skinned-female', ['dark_skin', 'dark-skinned_female']],
    ['hair long', ['long_hair', 'very_long_hair', 'short_hair_with_long_locks', 'low-tied_long_hair', 'absurdly_long_hair', 'low-braided_long_hair', 'long_hair_between_eyes', 'long-haired_girl_(motto_notto)']],
    ['t_shirt', ['t-shirt', 'shirt', 'white_shirt', 'collared_shirt', 'black_shirt', 'sleeveless_shirt', 'dress_shirt', 'open_shirt']],
    ['masterpiece', ['world_masterpiece_theater', 'rosa_(masterpiece)_(arknights)']],
    ['lnog_hair', []],
  ])('%j → %j (alias target, variants, then every fragment by popularity, ≤ 8)', (term, expected) => {
    expect(suggestTags(term, lookup)).toEqual(expected);
  });

  it('returns nothing for a blank term and asks for at most 32 candidates', () => {
    expect(suggestTags('  ', lookup)).toEqual([]);
    lookup.scans.length = 0;
    suggestTags('zzqx_unknown', lookup);
    expect(lookup.scans).toEqual([32]);
  });
});

describe('T-7 validating a prompt', () => {
  it('flags only plain elements that are no tag, with their offsets', () => {
    const text = '1girl, masterpiece, $hat$, {lnog|x}, /* lnog_hair */, (lnog_hair:1.2), (a, b:1.1), long hair';
    expect(findUnknownTags(text, lookup).map(({ elementIndex, start, end, term }) => [elementIndex, start, end, term])).toEqual([
      [1, 7, 18, 'masterpiece'],
      [5, 55, 64, 'lnog_hair'],
    ]);
  });

  it('flags exactly the two quality words of the fixture that are no danbooru tags', () => {
    const { items } = readFixtureJson('aliases/cozygen-aliases.json') as { items: Record<string, string> };
    const flagged = Object.values(items).flatMap((text) => findUnknownTags(text, lookup).map((unknown) => unknown.term));
    expect(flagged).toEqual(['masterpiece', 'best_quality']);
  });
});
