import { findUnknownTags, type TagLookup } from '@app/shared/tags/tag-suggestions';
import { withTagLookup, type TagLookupSource } from './batched-tag-lookup';
import { tagKey } from './tag-keys';

/** A small list, most popular first: name and aliases. */
const TAGS: [string, string[]][] = [
  ['1girl', ['sole_female']],
  ['highres', ['high_res']],
  ['long_hair', ['longhair', '/lh']],
  ['blue_eyes', []],
  ['very_long_hair', []],
  ['short_hair_with_long_locks', []],
  ['hair-ribbon', []],
  ['star_(symbol)', []],
];

function containing(fragments: readonly string[], limit: number): string[] {
  return TAGS.map(([name]) => name)
    .filter((name) => fragments.every((fragment) => name.includes(fragment)))
    .slice(0, limit);
}

/** The same list answered synchronously, the way the shared code expects. */
const direct: TagLookup = {
  has: (name) => TAGS.some(([tag]) => tag === tagKey(name)),
  aliasTarget: (name) => TAGS.find(([, aliases]) => aliases.includes(tagKey(name)))?.[0],
  containingAll: containing,
};

function countingSource() {
  const calls = { names: 0, aliases: 0, containing: 0 };
  const source: TagLookupSource = {
    findNames: (keys) => {
      calls.names += 1;
      return Promise.resolve(new Set(keys.filter((key) => direct.has(key))));
    },
    findAliasTargets: (keys) => {
      calls.aliases += 1;
      return Promise.resolve(new Map(keys.flatMap((key) => (direct.aliasTarget(key) ? [[key, direct.aliasTarget(key) ?? '']] : []))));
    },
    findContainingAll: (fragments, limit) => {
      calls.containing += 1;
      return Promise.resolve(containing(fragments, limit));
    },
  };
  return { source, calls };
}

describe('T-7 validation over an asynchronous tag list', () => {
  it.each([
    ['1girl, lnog_hair, longhair, Long Hair'],
    ['long-hair, high-res, hair ribbon, star_\\(symbol\\), (blue_eye:1.2)'],
    ['masterpiece, best quality, 1girl, $alias$, {a|b}, /* note */ sole-female'],
    [''],
  ])('finds exactly what a synchronous lookup finds in %j', async (text) => {
    const { source } = countingSource();
    expect(await withTagLookup(source, (lookup) => findUnknownTags(text, lookup))).toEqual(findUnknownTags(text, direct));
  });

  it('asks each kind of question in a few batches, not once per term', async () => {
    const { source, calls } = countingSource();
    const text = Array.from({ length: 30 }, (_, i) => `unknown_tag_${i}`).join(', ');
    const result = await withTagLookup(source, (lookup) => findUnknownTags(text, lookup));
    expect(result).toHaveLength(30);
    expect(calls.names).toBeLessThanOrEqual(3);
    expect(calls.aliases).toBeLessThanOrEqual(3);
  });

  it('answers a larger limit from a shorter, complete answer without asking again', async () => {
    const { source, calls } = countingSource();
    const names = await withTagLookup(source, (lookup) => [lookup.containingAll(['hair'], 2), lookup.containingAll(['hair'], 50), lookup.containingAll(['zzz'], 1), lookup.containingAll(['zzz'], 9)]);
    expect(names).toEqual([['long_hair', 'very_long_hair'], ['long_hair', 'very_long_hair', 'short_hair_with_long_locks', 'hair-ribbon'], [], []]);
    expect(calls.containing).toBe(2);
  });
});
