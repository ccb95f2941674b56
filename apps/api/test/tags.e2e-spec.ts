import type { Tag, TagCategoryList, TagImportReport, TagPage, TagValidation } from '@app/shared/contracts/api/tags';
import { seedTagList } from '@app/server/tags/shipped-tags';
import { TagListsRepository } from '@app/server/tags/tag-lists.repository';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

/** T-4's groups, judged from the outside: 0 exact, 1 name prefix, 2 alias prefix, 3 other. */
function rankOf(tag: Tag, q: string): number {
  const key = q.trim().toLowerCase().replace(/\s/g, '_');
  if (tag.name === key) return 0;
  if (tag.name.startsWith(key)) return 1;
  return tag.aliases.some((alias) => alias.toLowerCase().startsWith(key)) ? 2 : 3;
}

describe('tags api', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  const progress: string[] = [];
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('tags-member@test.local')).token;
    await seedTagList(api.app.get(TagListsRepository), (line) => progress.push(line));
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  const search = async (query: Record<string, string>): Promise<TagPage> =>
    (await api.http.get(`/api/tags?${new URLSearchParams(query).toString()}`).auth(member, bearer).expect(200)).body as TagPage;
  const names = async (query: Record<string, string>) => (await search(query)).items.map((tag) => tag.name);
  const categories = async (): Promise<TagCategoryList> => (await api.http.get('/api/tags/categories').auth(member, bearer).expect(200)).body as TagCategoryList;
  const validate = async (text: string): Promise<TagValidation> => (await api.http.post('/api/tags/validate').auth(member, bearer).send({ text }).expect(200)).body as TagValidation;
  const importFile = (content: string, name: string, as = admin) => api.http.post('/api/admin/tags/import').auth(as, bearer).attach('file', Buffer.from(content), name);

  describe('T-1 the shipped list on first start', () => {
    it('loads all 140,782 danbooru tags with progress lines, by category', async () => {
      expect(await categories()).toEqual({
        items: [
          { category: 'artist', count: 59_201 },
          { category: 'character', count: 40_931 },
          { category: 'general', count: 30_782 },
          { category: 'copyright', count: 9_478 },
          { category: 'meta', count: 390 },
        ],
        total: 140_782,
        list: { source: 'danbooru.csv (shipped)', format: 'csv', loadedAt: expect.any(Number) },
      });
      expect(progress).toContain('tags: 35% (49,000 / 140,782)');
      expect(progress.at(-2)).toBe('tags: 100% (140,782 / 140,782)');
      expect(progress.at(-1)).toMatch(/^tags: 140,782 loaded in \d+\.\d s$/);
    });

    it('does nothing on a later start', async () => {
      expect(await seedTagList(api.app.get(TagListsRepository), () => undefined)).toBe(0);
      expect((await categories()).total).toBe(140_782);
    });
  });

  describe('T-4 search', () => {
    it('lists the most popular tags for an empty query', async () => {
      expect(await names({ limit: '4' })).toEqual(['1girl', 'highres', 'solo', 'long_hair']);
    });

    it('returns name, category, count and aliases', async () => {
      expect((await search({ q: 'long_hair', limit: '1' })).items).toEqual([{ name: 'long_hair', category: 'general', count: 4_350_743, aliases: ['/lh', 'longhair'] }]);
    });

    it.each(['long_hair', 'hair', 'lo', 'sword', 'a', 'eyes'])('ranks %j exact, name prefix, alias prefix, other; each by count then name', async (q) => {
      const items = (await search({ q, limit: '200' })).items;
      expect(items.length).toBeGreaterThan(0);
      for (let i = 1; i < items.length; i++) {
        const [before, after] = [items[i - 1] as Tag, items[i] as Tag];
        const order = rankOf(before, q) - rankOf(after, q) || after.count - before.count || (before.name < after.name ? -1 : 1);
        expect([before.name, after.name, order < 0]).toEqual([before.name, after.name, true]);
      }
    });

    it('puts the exact tag first, then longer names, then alias matches', async () => {
      // low-tied_long_hair has the alias long_hair_tied_low, so it comes before the more popular very_long_hair.
      expect(await names({ q: 'long_hair', limit: '4' })).toEqual(['long_hair', 'long_hair_between_eyes', 'low-tied_long_hair', 'very_long_hair']);
      const longh = (await search({ q: 'longh', limit: '4' })).items;
      expect(longh.map((tag) => [tag.name, tag.matchedAlias])).toEqual([
        ['longhorn', undefined],
        ['longhorn_lance', undefined],
        ['long_hair', 'longhair'],
      ]);
    });

    it('treats spaces as underscores and ignores case', async () => {
      const underscored = await names({ q: 'long_hair', limit: '30' });
      expect(await names({ q: 'Long Hair', limit: '30' })).toEqual(underscored);
    });

    it('finds substrings of names and of aliases, and every fragment in any order', async () => {
      const inner = await names({ q: 'nytail', limit: '10' });
      expect(inner.slice(0, 3)).toEqual(['ponytail', 'side_ponytail', 'high_ponytail']);
      expect(inner.every((name) => name.includes('nytail'))).toBe(true);
      expect((await search({ q: '/lh', limit: '1' })).items[0]).toMatchObject({ name: 'long_hair', matchedAlias: '/lh' });
      const reversed = await names({ q: 'hair long', limit: '5' });
      expect(reversed).toEqual(expect.arrayContaining(['long_hair', 'very_long_hair']));
      expect(reversed.every((name) => name.includes('hair') && name.includes('long'))).toBe(true);
      expect((await search({ q: 'eyes blue', limit: '1' })).items[0]).toEqual({ name: 'blue_eyes', category: 'general', count: expect.any(Number), aliases: expect.any(Array) });
    });

    it('finds tags holding a rare 1–2 character text anywhere, also at the very end', async () => {
      const qz = (await search({ q: 'qz', limit: '200' })).items;
      expect(qz.map((tag) => tag.name)).toEqual(expect.arrayContaining(['orqz', 'frqz_bijutsu', 'ufkqz']));
      expect(qz.every((tag) => tag.name.includes('qz') || tag.matchedAlias?.includes('qz'))).toBe(true);
      expect(qz.some((tag) => tag.matchedAlias !== undefined)).toBe(true);
    });

    it('filters by category and minimum count, and sorts A–Z', async () => {
      const characters = (await search({ q: 'hair', category: 'Character', limit: '50' })).items;
      expect(characters.length).toBe(50);
      expect(characters.every((tag) => tag.category === 'character')).toBe(true);
      const popular = (await search({ q: 'sword', minCount: '100000', limit: '50' })).items;
      expect(popular.map((tag) => tag.name)).toEqual(['sword', 'holding_sword']);
      const alpha = (await search({ q: 'sword', sort: 'alpha', limit: '50' })).items;
      expect(alpha.map((tag) => tag.name)).toEqual(alpha.map((tag) => tag.name).sort());
      expect(alpha.every((tag) => tag.name.includes('sword') || tag.matchedAlias?.includes('sword'))).toBe(true);
    });

    it.each([
      ['hair', 'count'],
      ['a', 'count'],
      ['sword', 'alpha'],
      ['', 'count'],
    ])('pages %j (%s) with a cursor exactly as one long page', async (q, sort) => {
      const whole = await names({ q, sort, limit: '60' });
      const paged: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 6; page++) {
        const query: Record<string, string> = { q, sort, limit: '10', ...(cursor ? { cursor } : {}) };
        const result = await search(query);
        paged.push(...result.items.map((tag) => tag.name));
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      expect(paged).toEqual(whole);
    });

    it('ends with a null cursor and finds nothing for a text no tag holds', async () => {
      expect(await search({ q: 'longhorn_lan' })).toEqual({ items: [expect.objectContaining({ name: 'longhorn_lance' })], nextCursor: null });
      expect(await search({ q: 'zzqqxxjj' })).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['limit=0', 'query.limit'],
      ['limit=201', 'query.limit'],
      ['sort=popular', 'query.sort'],
      ['cursor=bogus', 'query.cursor'],
      ['minCount=-1', 'query.minCount'],
      ['other=1', 'query.other'],
    ])('refuses %s with 400 on the field', async (query, field) => {
      const res = await api.http.get(`/api/tags?${query}`).auth(member, bearer).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });
  });

  describe('T-7 validation', () => {
    it('flags unknown plain tags with offsets and CozyGen\'s suggestions; aliases and spaced spellings count as known', async () => {
      const text = '1girl, lnog_hair, longhair, Long Hair, long-hair, high-res, masterpiece, $hero$';
      const result = await validate(text);
      expect(result.unknown.map(({ tag, start, end }) => [tag, text.slice(start, end)])).toEqual([
        ['lnog_hair', 'lnog_hair'],
        ['long-hair', 'long-hair'],
        ['high-res', 'high-res'],
        ['masterpiece', 'masterpiece'],
      ]);
      const [typo, dashed, aliased] = result.unknown;
      expect(typo?.suggestions).toEqual([]);
      expect(dashed?.suggestions.slice(0, 2)).toEqual(['long_hair', 'very_long_hair']);
      expect(dashed?.suggestions.length).toBe(8);
      expect(aliased?.suggestions[0]).toBe('highres');
    });

    it('refuses a text over 20,000 characters', async () => {
      const res = await api.http.post('/api/tags/validate').auth(member, bearer).send({ text: 'a'.repeat(20_001) }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.text']);
    });
  });

  describe('T-2 admin import', () => {
    it('is for admins only (403 for a member)', async () => {
      await importFile('tag,category,count,aliases\nx,0,1,\n', 'tags.csv', member).expect(403);
    });

    it('refuses a bad file with 400 naming every bad line, and keeps the old list serving', async () => {
      const res = await importFile('good_tag,0,5,\nbad,2,5,\n"open,0,1\nfine,0,x\n', 'bad.csv').expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        message: 'The tag list has 3 bad lines; nothing was changed',
        errors: [
          { field: 'file.line.2', message: 'line 2: unknown danbooru category 2' },
          { field: 'file.line.3', message: 'line 3: unbalanced quotes' },
          { field: 'file.line.4', message: 'line 4: count "x" is not a whole number' },
        ],
      });
      expect((await importFile('\n\n', 'empty.csv').expect(400)).body).toEqual({ statusCode: 400, message: 'The file holds no tags; nothing was changed', errors: [{ field: 'file', message: 'holds no tags' }] });
      expect((await api.http.post('/api/admin/tags/import').auth(admin, bearer).expect(400)).body.errors).toEqual([{ field: 'file', message: 'is required (send multipart/form-data)' }]);
      expect((await categories()).total).toBe(140_782);
      expect(await names({ q: 'long_hair', limit: '1' })).toEqual(['long_hair']);
    });

    it('replaces the list with a small CSV, reporting repeated tags as skipped', async () => {
      const csv = ['tag,category,count,aliases', 'red_scarf,0,500,"scarlet_scarf,crimson scarf"', 'Hero_Knight,4,50,', 'red_scarf,0,1,', 'blue_sky,general,900,'].join('\r\n');
      const report = (await importFile(csv, 'mine.csv').expect(200)).body as TagImportReport;
      expect(report).toEqual({ source: 'mine.csv', format: 'csv', loaded: 3, skipped: [{ line: 4, reason: 'repeats red_scarf from line 2' }] });
      expect(await categories()).toEqual({
        items: [
          { category: 'general', count: 2 },
          { category: 'character', count: 1 },
        ],
        total: 3,
        list: { source: 'mine.csv', format: 'csv', loadedAt: expect.any(Number) },
      });
      expect(await names({})).toEqual(['blue_sky', 'red_scarf', 'Hero_Knight']);
      expect((await search({ q: 'crimson s' })).items).toEqual([{ name: 'red_scarf', category: 'general', count: 500, aliases: ['scarlet_scarf', 'crimson scarf'], matchedAlias: 'crimson scarf' }]);
      expect(await names({ q: 'hero knight' })).toEqual(['Hero_Knight']);
      expect(await names({ q: 'long_hair' })).toEqual([]);
      expect((await validate('hero_knight, scarlet scarf, long_hair')).unknown.map((u) => u.tag)).toEqual(['long_hair']);
    });

    it('imports CozyGen\'s danbooru_tags.md with its category buckets', async () => {
      const markdown = ['# Danbooru tags', '', '## clothing_accessories (2)', '- `scarf` — 120000', '- `star_(symbol)` — 237573', '## namespace_misc (2)', '- `:d` — 50', '- `re:zero` — 30', 'a note that is no tag'].join('\n');
      const report = (await importFile(markdown, 'danbooru_tags.md').expect(200)).body as TagImportReport;
      expect(report).toEqual({ source: 'danbooru_tags.md', format: 'cozygen-markdown', loaded: 4, skipped: [] });
      expect((await search({ q: 'star' })).items).toEqual([{ name: 'star_(symbol)', category: 'clothing', count: 237_573, aliases: [] }]);
      expect((await categories()).items).toEqual([
        { category: 'clothing', count: 2 },
        { category: 'expression', count: 1 },
        { category: 'fandom', count: 1 },
      ]);
      expect(await names({ q: 'scarf' })).toEqual(['scarf']);
    });
  });
});
