import { readFixtureJson, readFixtureText } from '@test/fixtures';
import type { Alias, AliasCategoryList, AliasDetail, AliasList } from '@app/shared/contracts/api/aliases';
import { AliasCategoriesRepository } from '@app/server/repositories/alias-categories.repository';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('aliases api', () => {
  let api: TestApi;
  let token: string;
  let other: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await api.createUser('alias-owner@test.local')).token;
    other = (await api.createUser('alias-other@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, post, patch, put, del } = apiRequests(
    () => api,
    () => token,
  );
  const create = async (body: object, as = token): Promise<Alias> => (await post('/aliases', body, as).expect(201)).body as Alias;
  const list = async (query: Record<string, string> = {}, as = token): Promise<AliasList> =>
    (await get(`/aliases?${new URLSearchParams(query).toString()}`, as).expect(200)).body as AliasList;
  const categories = async (as = token): Promise<AliasCategoryList> => (await get('/alias-categories', as).expect(200)).body as AliasCategoryList;

  describe('A-1 create, read, list, delete', () => {
    it('creates an alias (201), creating its category, and reads it back with no kept texts', async () => {
      const alias = await create({ category: 'hats', name: 'Red-Hat', text: '  red hat, (feather:1.2)  ' });
      expect(alias).toEqual({
        id: expect.any(String),
        category: 'hats',
        name: 'Red-Hat',
        key: 'hats::Red-Hat',
        text: 'red hat, (feather:1.2)',
        revision: 1,
        shared: false,
        createdAt: expect.any(Number),
        updatedAt: alias.createdAt,
      });
      const detail = (await get(`/aliases/${alias.id}`).expect(200)).body as AliasDetail;
      expect(detail).toEqual({ ...alias, revisions: [] });
      expect((await categories()).items).toEqual([{ id: expect.any(String), name: 'hats', position: 0, count: 1 }]);
    });

    it('stores and returns the shared flag; uncategorised with null or ""', async () => {
      expect(await create({ category: null, name: 'plain_one', text: 'a', shared: true })).toMatchObject({ category: null, key: 'plain_one', shared: true });
      expect(await create({ category: '', name: 'plain_two', text: 'b' })).toMatchObject({ category: null, key: 'plain_two', shared: false });
    });

    it('refuses the same name ignoring case in one category with 409 on the field, but allows it elsewhere', async () => {
      await create({ category: 'people', name: 'Hero', text: 'knight' });
      const res = await post('/aliases', { category: 'PEOPLE', name: 'hero', text: 'other' }).expect(409);
      expect(res.body).toEqual({ statusCode: 409, message: 'You already have an alias people::hero', errors: [{ field: 'body.name', message: 'is already used in this category (ignoring case)' }] });
      expect(await create({ name: 'hero', text: 'uncategorised hero' })).toMatchObject({ key: 'hero' });
    });

    it.each([
      ['a : without a category', { name: 'neon:pink', text: 'x' }, 'body.name', 'name must be 1–128 letters, digits, _ or -, so that a token can reach it'],
      ['a leading :', { category: 'lights', name: ':pink', text: 'x' }, 'body.name', 'name must be 1–128 letters, digits, _ or -, with single : allowed between them, so that a token can reach it'],
      ['a space', { name: 'two words', text: 'x' }, 'body.name', 'name must be 1–128 letters, digits, _ or -, so that a token can reach it'],
    ])('refuses %s in a name with 400 on the field', async (_case, body, field, message) => {
      const res = await post('/aliases', body).expect(400);
      expect(res.body.errors).toEqual([{ field, message }]);
    });

    it.each([
      ['a blank text', { name: 'blank', text: '   ' }, 'body.text'],
      ['a text over 10,000 characters', { name: 'long', text: 'x'.repeat(10_001) }, 'body.text'],
      ['a bad category', { category: 'no good', name: 'x', text: 'x' }, 'body.category'],
      ['a name over 128 characters', { name: 'n'.repeat(129), text: 'x' }, 'body.name'],
    ])('refuses %s with 400 on the field', async (_case, body, field) => {
      const res = await post('/aliases', body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('accepts a single : in a categorised name, reachable by its token', async () => {
      const alias = await create({ category: 'lights', name: 'neon:pink', text: 'neon_lights, pink_theme' });
      const res = await post('/prompts/expand', { text: '$lights:neon:pink$' }).expect(200);
      expect(res.body.text).toBe('neon_lights, pink_theme');
      await del(`/aliases/${alias.id}`).expect(204);
    });

    it('searches key and text ignoring case, treating _ and % literally, filters by category, and pages by key', async () => {
      const user = (await api.createUser('alias-search@test.local')).token;
      for (const [category, name, text] of [
        ['outfit', 'winter_coat', 'coat, scarf'],
        ['outfit', 'rain-gear', 'raincoat, 100% dry'],
        ['place', 'snowfield', 'snow, winter'],
        [null, 'wintry', 'cold'],
      ] as const) {
        await create({ category, name, text }, user);
      }
      const keys = (page: AliasList) => page.items.map((a) => a.key);
      expect(keys(await list({ q: 'WINTER' }, user))).toEqual(['outfit::winter_coat', 'place::snowfield']);
      expect(keys(await list({ q: 'r_c' }, user))).toEqual(['outfit::winter_coat']);
      expect(keys(await list({ q: '100%' }, user))).toEqual(['outfit::rain-gear']);
      expect(keys(await list({ q: '0%d' }, user))).toEqual([]);
      expect(keys(await list({ category: 'Outfit' }, user))).toEqual(['outfit::rain-gear', 'outfit::winter_coat']);
      expect(keys(await list({ category: '' }, user))).toEqual(['wintry']);
      expect(keys(await list({ category: 'missing' }, user))).toEqual([]);
      const first = await list({ limit: '3' }, user);
      expect([keys(first), first.total]).toEqual([['outfit::rain-gear', 'outfit::winter_coat', 'place::snowfield'], 4]);
      const second = await list({ limit: '3', cursor: first.nextCursor ?? '' }, user);
      expect([keys(second), second.total, second.nextCursor]).toEqual([['wintry'], 4, null]);
    });

    it('deletes an alias (204); it is then not found', async () => {
      const alias = await create({ name: 'short_lived', text: 'x' });
      await del(`/aliases/${alias.id}`).expect(204);
      await get(`/aliases/${alias.id}`).expect(404);
      await del(`/aliases/${alias.id}`).expect(404);
    });
  });

  describe('S-11 revisions', () => {
    it('a PATCH must carry the revision it read: a stale one is a 409 and changes nothing', async () => {
      const alias = await create({ name: 'contested', text: 'first' });
      const mine = await patch(`/aliases/${alias.id}`, { text: 'mine', revision: 1 }).expect(200);
      expect(mine.body).toMatchObject({ text: 'mine', revision: 2 });
      const theirs = await patch(`/aliases/${alias.id}`, { text: 'theirs', revision: 1 }).expect(409);
      expect(theirs.body.errors).toEqual([{ field: 'body.revision', message: 'is 1, but the alias has been edited since' }]);
      expect((await get(`/aliases/${alias.id}`)).body).toMatchObject({ text: 'mine', revision: 2 });
    });

    it('keeps the last 20 replaced texts, newest first, and restores one as a new revision', async () => {
      const alias = await create({ name: 'edited_often', text: 'text 1' });
      for (let revision = 1; revision <= 24; revision += 1) {
        await patch(`/aliases/${alias.id}`, { text: `text ${revision + 1}`, revision }).expect(200);
      }
      const detail = (await get(`/aliases/${alias.id}`).expect(200)).body as AliasDetail;
      expect(detail.revision).toBe(25);
      expect(detail.revisions.map((r) => [r.revision, r.text])).toEqual(Array.from({ length: 20 }, (_, i) => [24 - i, `text ${24 - i}`]));
      await post(`/aliases/${alias.id}/restore`, { revision: 4 }).expect(404);
      const restored = await post(`/aliases/${alias.id}/restore`, { revision: 10 }).expect(200);
      expect(restored.body).toMatchObject({ text: 'text 10', revision: 26 });
      const after = (await get(`/aliases/${alias.id}`)).body as AliasDetail;
      expect(after.revisions[0]).toEqual({ revision: 25, text: 'text 25', createdAt: expect.any(Number) });
    });

    it('renames and moves bump the revision without keeping a text; a no-op changes nothing', async () => {
      const alias = await create({ category: 'a_cat', name: 'mover', text: 'same' });
      const moved = await patch(`/aliases/${alias.id}`, { category: 'b_cat', name: 'Mover', revision: 1 }).expect(200);
      expect(moved.body).toMatchObject({ key: 'b_cat::Mover', revision: 2 });
      const unchanged = await patch(`/aliases/${alias.id}`, { text: 'same', revision: 2 }).expect(200);
      expect(unchanged.body).toMatchObject({ revision: 2, updatedAt: moved.body.updatedAt });
      expect(((await get(`/aliases/${alias.id}`)).body as AliasDetail).revisions).toEqual([]);
    });

    it('refuses a move onto an existing key with 409', async () => {
      await create({ category: 'clash', name: 'taken', text: 'x' });
      const alias = await create({ name: 'taken', text: 'y' });
      await patch(`/aliases/${alias.id}`, { category: 'CLASH', revision: 1 }).expect(409);
    });
  });

  describe('A-8 categories', () => {
    let user: string;
    beforeAll(async () => {
      user = (await api.createUser('alias-categories@test.local')).token;
    });

    it('lists categories in order with counts, empty ones included', async () => {
      await post('/alias-categories', { name: 'first' }, user).expect(201);
      await create({ category: 'second', name: 'one', text: 'x' }, user);
      await create({ category: 'second', name: 'two', text: 'y' }, user);
      await create({ name: 'loose', text: 'z' }, user);
      const res = await categories(user);
      expect(res.items.map((c) => [c.name, c.position, c.count])).toEqual([['first', 0, 0], ['second', 1, 2]]);
      expect(res.uncategorised).toBe(1);
      await post('/alias-categories', { name: 'FIRST' }, user).expect(409);
    });

    it('a rename rewrites the keys of its aliases, for lookups and uniqueness', async () => {
      const second = (await categories(user)).items.find((c) => c.name === 'second');
      const renamed = await patch(`/alias-categories/${second?.id}`, { name: 'Renamed' }, user).expect(200);
      expect(renamed.body).toEqual({ id: second?.id, name: 'Renamed', position: 1, count: 2 });
      expect((await list({}, user)).items.map((a) => a.key)).toEqual(['loose', 'Renamed::one', 'Renamed::two']);
      await post('/aliases', { category: 'renamed', name: 'ONE', text: 'dup' }, user).expect(409);
      expect((await post('/prompts/expand', { text: '$renamed:one$ $second:one$' }, user).expect(200)).body.text).toBe('x $second:one$');
      await patch(`/alias-categories/${second?.id}`, { name: 'first' }, user).expect(409);
    });

    it('deletes only an empty category (409 naming the count), then renumbers the list', async () => {
      const [first, renamed] = (await categories(user)).items;
      const res = await del(`/alias-categories/${renamed?.id}`, user).expect(409);
      expect(res.body.message).toBe('Category Renamed still holds 2 aliases; move or delete them first');
      await post('/alias-categories', { name: 'third' }, user).expect(201);
      await del(`/alias-categories/${first?.id}`, user).expect(204);
      expect((await categories(user)).items.map((c) => [c.name, c.position])).toEqual([['Renamed', 0], ['third', 1]]);
    });

    it('moves a category by position and reorders the whole list, refusing a list that is not a permutation', async () => {
      const [renamed, third] = (await categories(user)).items;
      const moved = await patch(`/alias-categories/${third?.id}`, { position: 0 }, user).expect(200);
      expect(moved.body).toMatchObject({ name: 'third', position: 0 });
      const order = await put('/alias-categories/order', { ids: [renamed?.id, third?.id] }, user).expect(200);
      expect((order.body as AliasCategoryList).items.map((c) => c.name)).toEqual(['Renamed', 'third']);
      const bad = await put('/alias-categories/order', { ids: [renamed?.id, renamed?.id] }, user).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'body.ids', message: 'must list each of your 2 categories exactly once' }]);
    });

    it('refuses a 501st category with 409, by name or through an alias', async () => {
      const full = (await api.createUser('alias-full@test.local')).token;
      const categoryList = Array.from({ length: 500 }, (_, i) => `c${i}`);
      await post('/aliases/import', { items: {}, categoryList }, full).expect(200);
      const res = await post('/alias-categories', { name: 'one_more' }, full).expect(409);
      expect(res.body.message).toBe('You have 500 alias categories, the most allowed');
      await post('/aliases', { category: 'one_more', name: 'x', text: 'x' }, full).expect(409);
      await post('/aliases', { category: 'c7', name: 'x', text: 'x' }, full).expect(201);
    });
  });

  describe('U-5 private by default', () => {
    it("another user's alias and category are not found for every action, and never listed", async () => {
      const alias = await create({ category: 'secret', name: 'mine_only', text: 'private text' });
      const category = (await categories()).items.find((c) => c.name === 'secret');
      await get(`/aliases/${alias.id}`, other).expect(404);
      await patch(`/aliases/${alias.id}`, { text: 'hijack', revision: 1 }, other).expect(404);
      await post(`/aliases/${alias.id}/restore`, { revision: 1 }, other).expect(404);
      await del(`/aliases/${alias.id}`, other).expect(404);
      await patch(`/alias-categories/${category?.id}`, { name: 'stolen' }, other).expect(404);
      await del(`/alias-categories/${category?.id}`, other).expect(404);
      expect((await list({}, other)).total).toBe(0);
      expect((await categories(other)).items).toEqual([]);
      expect((await get('/aliases/export', other).expect(200)).body).toEqual({ items: {}, categories: {}, categoryList: [] });
      const expanded = (await post('/prompts/expand', { text: '$secret:mine_only$' }, other).expect(200)).body;
      expect(expanded.text).toBe('$secret:mine_only$');
      expect((await get(`/aliases/${alias.id}`)).body).toMatchObject({ text: 'private text', revision: 1 });
    });

    it('deleting a user removes their aliases and categories', async () => {
      const admin = (await api.loginAdmin()).accessToken;
      const leaving = await api.createUser('alias-leaving@test.local');
      await create({ category: 'gone', name: 'soon', text: 'x' }, leaving.token);
      const repository = api.app.get(AliasesRepository);
      expect(await repository.count(leaving.user.id)).toBe(1);
      await del(`/users/${leaving.user.id}?confirm=alias-leaving@test.local`, admin).expect(204);
      expect(await repository.count(leaving.user.id)).toBe(0);
      expect(await api.app.get(AliasCategoriesRepository).count(leaving.user.id)).toBe(0);
    });
  });
  describe('A-9, A-10 import and export of CozyGen aliases.json', () => {
    const fixture = readFixtureJson('aliases/cozygen-aliases.json');
    const importFile = (body: unknown, query = '', as = token) =>
      api.http.post(`/api/aliases/import${query}`).auth(as, bearer).set('Content-Type', 'application/json').send(JSON.stringify(body));
    const exportFile = async (as: string) => (await get('/aliases/export', as).expect(200)).body as unknown;
    const fresh = async (name: string) => (await api.createUser(`${name}@test.local`)).token;
    const report = (changes: object) => ({ added: 0, changed: 0, unchanged: 0, removed: 0, categoriesAdded: 0, skipped: [], notices: [], ...changes });

    it('imports the fixture (30 added, 7 categories) and exports it back equal, byte for byte', async () => {
      const user = await fresh('import-fixture');
      expect((await importFile(fixture, '', user).expect(200)).body).toEqual(report({ added: 30, categoriesAdded: 7 }));
      const res = await get('/aliases/export', user).expect(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="aliases.json"');
      expect(res.body).toEqual(fixture);
      expect(JSON.stringify(res.body, null, 2)).toBe(readFixtureText('aliases/cozygen-aliases.json').trimEnd());
      expect((await importFile(fixture, '', user).expect(200)).body).toEqual(report({ unchanged: 30 }));
    });

    it('exports an alias named __proto__ as an ordinary key', async () => {
      const user = await fresh('export-proto');
      await create({ name: '__proto__', text: 'still an alias' }, user);
      const res = await get('/aliases/export', user).expect(200);
      expect(res.text).toBe('{"items":{"__proto__":"still an alias"},"categories":{"__proto__":""},"categoryList":[]}');
    });

    it('merge keeps aliases and categories the file lacks; replace removes them and takes the file order', async () => {
      const user = await fresh('import-modes');
      await create({ category: 'extra', name: 'mine', text: 'my own' }, user);
      await create({ category: 'outfit', name: 'rain_gear', text: 'old rain gear' }, user);
      const merged = await importFile(fixture, '?mode=merge', user).expect(200);
      expect(merged.body).toEqual(report({ added: 29, changed: 1, categoriesAdded: 6 }));
      expect((await categories(user)).items.map((c) => c.name)).toEqual(['extra', 'outfit', 'character', 'lighting', 'outdoor', 'artistic', 'prompts', 'weather']);
      const rain = (await list({ q: 'rain_gear' }, user)).items[0];
      expect(((await get(`/aliases/${rain?.id}`, user)).body as AliasDetail).revisions.map((r) => r.text)).toEqual(['old rain gear']);
      const replaced = await importFile(fixture, '?mode=replace', user).expect(200);
      expect(replaced.body).toEqual(report({ unchanged: 30, removed: 1 }));
      expect(await exportFile(user)).toEqual(fixture);
    });

    it('replace with an export reproduces the aliases it was taken from', async () => {
      const user = await fresh('import-restore');
      await importFile(fixture, '', user).expect(200);
      const knight = (await list({ q: 'knight_girl' }, user)).items[0];
      await patch(`/aliases/${knight?.id}`, { text: '1girl, knight, short_hair', revision: 1 }, user).expect(200);
      await create({ category: 'weather', name: 'storm', text: 'storm, lightning' }, user);
      const snapshot = await exportFile(user);
      const before = (await list({}, user)).items.map((a) => [a.key, a.text]);
      await del(`/aliases/${knight?.id}`, user).expect(204);
      await create({ name: 'later', text: 'added after the export' }, user);
      await importFile(fixture, '?mode=merge', user).expect(200);
      expect((await importFile(snapshot, '?mode=replace', user).expect(200)).body).toMatchObject({ added: 0, changed: 1, removed: 1 });
      expect((await list({}, user)).items.map((a) => [a.key, a.text])).toEqual(before);
      expect(await exportFile(user)).toEqual(snapshot);
    });

    it.each([
      ['an array', '[]', 'The aliases file has problems; nothing was imported'],
      ['a JSON string', '"aliases"', 'Malformed JSON body'],
      ['items that are not an object', '{"items": ["a", "b"]}', 'The aliases file has problems; nothing was imported'],
    ])('refuses %s with 400, writing nothing', async (_case, body, message) => {
      const user = await fresh(`import-shape-${body.length}`);
      const res = await api.http.post('/api/aliases/import').auth(user, bearer).set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body.message).toBe(message);
      expect((await list({}, user)).total).toBe(0);
    });

    it('skips and reports texts that are not strings or blank, and notes a disagreeing category', async () => {
      const user = await fresh('import-skips');
      const file = { items: { 'hats::a': 5, b: null, c: 'kept', d: '  ' }, categories: { c: 'hats' } };
      expect((await importFile(file, '', user).expect(200)).body).toEqual(
        report({
          added: 1,
          skipped: [
            { key: 'hats::a', reason: 'not-a-string', message: 'text is not a string; skipped' },
            { key: 'b', reason: 'not-a-string', message: 'text is not a string; skipped' },
            { key: 'd', reason: 'blank-text', message: 'text is blank; skipped' },
          ],
          notices: [{ key: 'c', reason: 'category-mismatch', message: 'categories says "hats"; an uncategorised key wins' }],
        }),
      );
    });

    it('refuses invalid names with 400 listing every key and writes nothing, unless onInvalid=skip', async () => {
      const user = await fresh('import-invalid');
      await create({ name: 'existing', text: 'x' }, user);
      const file = { items: { 'bad name': 'x', 'ok::fine': 'y', 'bad cat::n': 'z', 'no:colon': 'w' } };
      const res = await importFile(file, '', user).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['bad name', 'bad cat::n', 'no:colon']);
      expect([(await list({}, user)).total, (await categories(user)).items.length]).toEqual([1, 0]);
      const skipped = await importFile(file, '?onInvalid=skip', user).expect(200);
      expect(skipped.body).toMatchObject({ added: 1, skipped: [{ key: 'bad name' }, { key: 'bad cat::n' }, { key: 'no:colon' }] });
      await importFile(file, '?mode=everything', user).expect(400);
    });

    it('S-20 takes files up to 5 MB on this route only; a larger body is a 413', async () => {
      const user = await fresh('import-size');
      const file = (count: number) => ({ items: Object.fromEntries(Array.from({ length: count }, (_, i) => [`big${i}`, 'x'.repeat(9000)])) });
      expect((await importFile(file(250), '', user).expect(200)).body).toMatchObject({ added: 250 });
      await post('/aliases', { name: 'huge', text: 'x'.repeat(2_000_000) }, user).expect(413);
      const res = await importFile(file(600), '', user).expect(413);
      expect(res.body).toEqual({ statusCode: 413, message: 'Request body too large', errors: [{ field: 'body', message: 'must be at most 5 MB' }] });
    });

    it('A-1 refuses more than 10,000 aliases, in the file or in the result, writing nothing', async () => {
      const user = await fresh('import-limit');
      await create({ name: 'already_here', text: 'x' }, user);
      const file = (count: number) => ({ items: Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, 'x'])) });
      const tooMany = await importFile(file(10_001), '', user).expect(400);
      expect(tooMany.body.errors).toEqual([{ field: 'items', message: '10001 aliases; at most 10000' }]);
      const overflow = await importFile(file(10_000), '', user).expect(400);
      expect(overflow.body.errors).toEqual([{ field: 'items', message: 'you would have 10001 aliases; at most 10000' }]);
      expect((await list({}, user)).total).toBe(1);
      expect((await importFile(file(10_000), '?mode=replace', user).expect(200)).body).toMatchObject({ added: 10_000, removed: 1 });
      const full = await post('/aliases', { name: 'one_more', text: 'x' }, user).expect(409);
      expect(full.body.message).toBe('You have 10000 aliases, the most allowed; delete some first');
    });
  });
});
