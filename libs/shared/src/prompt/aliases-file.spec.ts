import { readFixtureJson, readFixtureText } from '@test/fixtures';
import type { AliasesFileImport, NormalisedAliasesFile } from './aliases-file';
import { cozyGenAliasesFileSchema, exportAliasesFile, normaliseAliasesFile } from './aliases-file';

const fixture = cozyGenAliasesFileSchema.parse(readFixtureJson('aliases/cozygen-aliases.json'));

function imported(result: AliasesFileImport): NormalisedAliasesFile {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('A-9 import of the CozyGen fixture', () => {
  it('imports all 30 aliases, `lighting::neon:pink` included, and all 7 categories, with nothing to report', () => {
    const value = imported(normaliseAliasesFile(fixture));
    expect(value.aliases).toHaveLength(30);
    expect(value.aliases[0]).toEqual({ category: 'character', name: 'knight_girl', text: '1girl, knight, armor, long_hair, holding_sword' });
    expect(value.aliases.find((a) => a.name === 'neon:pink')).toEqual({ category: 'lighting', name: 'neon:pink', text: 'neon_lights, pink_theme, glowing' });
    expect(value.aliases.find((a) => a.name === 'quality_boost')).toEqual({ category: null, name: 'quality_boost', text: '(masterpiece:1.2), best_quality, highres, absurdres' });
    expect(value.categoryList).toEqual(['character', 'outfit', 'lighting', 'outdoor', 'artistic', 'prompts', 'weather']);
    expect(value.notices).toEqual([]);
  });
});

describe('A-10 export and round trip', () => {
  const first = imported(normaliseAliasesFile(fixture));
  const exported = exportAliasesFile(first.aliases, first.categoryList);

  it('exports the fixture byte for byte', () => {
    expect(JSON.stringify(exported, null, 2)).toBe(readFixtureText('aliases/cozygen-aliases.json').trimEnd());
  });

  it('imports its own export to the same aliases and categories, with nothing to report', () => {
    const second = imported(normaliseAliasesFile(exported));
    expect(second).toEqual({ aliases: first.aliases, categoryList: first.categoryList, notices: [] });
  });

  it('appends categories in use but missing from the list, and keeps odd names as own keys', () => {
    expect(
      exportAliasesFile(
        [
          { category: 'b', name: '__proto__', text: 'x' },
          { category: null, name: 'plain', text: 'y' },
        ],
        ['a'],
      ),
    ).toEqual({ items: { 'b::__proto__': 'x', plain: 'y' }, categories: { 'b::__proto__': 'b', plain: '' }, categoryList: ['a', 'b'] });
  });
});

describe('A-9 normalisation rules', () => {
  it('reads a legacy alias named "items" when its text is a string', () => {
    expect(imported(normaliseAliasesFile({ items: 'red hat' })).aliases).toEqual([{ category: null, name: 'items', text: 'red hat' }]);
  });

  it('reads the legacy flat shape, trimming keys and texts', () => {
    expect(imported(normaliseAliasesFile({ ' hat ': '  red hat ', 'outfit::coat': 'coat' }))).toEqual({
      aliases: [
        { category: null, name: 'hat', text: 'red hat' },
        { category: 'outfit', name: 'coat', text: 'coat' },
      ],
      categoryList: ['outfit'],
      notices: [],
    });
  });

  it.each([
    [{ a: 5 }, 'a', 'not-a-string'],
    [{ a: '   ' }, 'a', 'blank-text'],
    [{ '  ': 'x' }, '  ', 'blank-key'],
    [{ items: { a: null } }, 'a', 'not-a-string'],
  ])('skips and reports %j', (data, key, problem) => {
    const value = imported(normaliseAliasesFile(data));
    expect(value.aliases).toEqual([]);
    expect(value.notices.map((n) => [n.key, n.problem])).toEqual([[key, problem]]);
  });

  it('lets the key prefix win over a disagreeing categories entry', () => {
    const value = imported(normaliseAliasesFile({ items: { 'outfit::coat': 'coat', hat: 'hat' }, categories: { 'outfit::coat': 'weather', hat: 'outfit' } }));
    expect(value.aliases.map((a) => a.category)).toEqual(['outfit', null]);
    expect(value.notices).toEqual([
      { key: 'outfit::coat', problem: 'category-mismatch', message: 'categories says "weather"; the key\'s prefix "outfit" wins' },
      { key: 'hat', problem: 'category-mismatch', message: 'categories says "outfit"; an uncategorised key wins' },
    ]);
  });

  it('splits keys at the first :: only, so a name holding :: is refused', () => {
    expect(normaliseAliasesFile({ 'a::b::c': 'x' })).toEqual({
      ok: false,
      errors: [{ field: 'a::b::c', message: 'name must be 1–128 letters, digits, _ or -, with single : allowed between them, so that a token can reach it' }],
    });
  });

  it.each([
    ['outfit::neon:pink', true],
    ['neon:pink', false],
    ['outfit::neon:', false],
    ['outfit:::pink', false],
  ])('accepts a single : inside a name only after a category: %j ok %p', (key, ok) => {
    expect(normaliseAliasesFile({ [key]: 'x' }).ok).toBe(ok);
  });

  it('lists every invalid key and category in one answer', () => {
    const result = normaliseAliasesFile({ items: { 'bad name': 'x', 'ok::fine': 'y', 'bad cat::n': 'z', long: 'w'.repeat(10_001) }, categoryList: ['fine', 'no good', 7] });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['categoryList.1', 'categoryList.2', 'bad name', 'bad cat::n', 'long']);
  });

  it('treats keys and categories that differ only in case as the same, the later entry winning', () => {
    const value = imported(normaliseAliasesFile({ items: { 'Outfit::Coat': 'a', 'outfit::coat': 'b', 'OUTFIT::hat': 'c' }, categoryList: ['outfit'] }));
    expect(value.aliases).toEqual([
      { category: 'outfit', name: 'coat', text: 'b' },
      { category: 'outfit', name: 'hat', text: 'c' },
    ]);
    expect(value.categoryList).toEqual(['outfit']);
    expect(value.notices.map((n) => n.problem)).toEqual(['duplicate']);
  });

  it.each([null, 'text', [], 42, { items: [] }, { items: 5 }, { items: null }, { items: { a: 'x' }, categories: 'x' }])('rejects %p as not an aliases file', (data) => {
    expect(normaliseAliasesFile(data).ok).toBe(false);
  });

  it('enforces the limits of 10,000 aliases and 500 categories', () => {
    const many = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`a${i}`, 'x']));
    const categories = Array.from({ length: 501 }, (_, i) => `c${i}`);
    expect(normaliseAliasesFile({ items: many, categoryList: categories })).toEqual({
      ok: false,
      errors: [
        { field: 'items', message: '10001 aliases; at most 10000' },
        { field: 'categoryList', message: '501 categories; at most 500' },
      ],
    });
  });
});
