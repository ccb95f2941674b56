import type { Alias, AliasCategoryList, AliasList, SharedAliasCategory, SharedAliasCategoryCopy, SharedAliasCategoryList } from '@app/shared/contracts/api/aliases';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

describe('U-5 shared alias categories', () => {
  let api: TestApi;
  let alice: string;
  let bob: string;
  let carol: string;
  const { get, post } = apiRequests(() => api, () => bob);
  beforeAll(async () => {
    api = await startTestApi();
    alice = (await api.createUser('cat-alice@test.local')).token;
    bob = (await api.createUser('cat-bob@test.local')).token;
    carol = (await api.createUser('cat-carol@test.local')).token;
    const create = async (body: object, as: string) => post('/aliases', body, as).expect(201);
    await create({ category: 'People', name: 'hero', text: 'knight, armor', shared: true }, alice);
    await create({ category: 'People', name: 'sage', text: 'old wizard', shared: true }, alice);
    await create({ category: 'People', name: 'villain', text: 'dark lord' }, alice);
    await create({ category: 'secret', name: 'plan', text: 'private only' }, alice);
    await create({ name: 'sky', text: 'blue sky', shared: true }, alice);
    await create({ category: 'places', name: 'castle', text: 'castle on a hill', shared: true }, carol);
    await create({ category: 'places', name: 'moat', text: 'deep moat', shared: true }, bob);
  });
  afterAll(async () => {
    await api.close();
  });

  const categories = async (query = '', as?: string): Promise<SharedAliasCategory[]> =>
    ((await get(`/aliases/shared/categories${query}`, as).expect(200)).body as SharedAliasCategoryList).items;
  const offered = async (category: string, owner: string, as?: string): Promise<SharedAliasCategory> => {
    const found = (await categories('', as)).find((item) => item.category === category && item.ownerName.includes(owner));
    if (!found) throw new Error(`${owner}'s ${category} not offered`);
    return found;
  };
  const copy = (body: object, as?: string) => post('/aliases/shared/categories/copy', body, as);
  const mine = async (as: string): Promise<string[]> => ((await get('/aliases', as).expect(200)).body as AliasList).items.map((alias) => alias.key);
  const myCategories = async (as: string): Promise<string[]> => ((await get('/alias-categories', as).expect(200)).body as AliasCategoryList).items.map((c) => c.name);

  it('lists others\' categories holding shared aliases with how many each, never private ones nor the caller\'s own', async () => {
    expect(await categories()).toEqual([
      { ownerKey: expect.any(String), ownerName: expect.stringContaining('cat-alice'), category: 'People', count: 2 },
      { ownerKey: expect.any(String), ownerName: expect.stringContaining('cat-carol'), category: 'places', count: 1 },
    ]);
    expect((await categories('', alice)).map((item) => `${item.category} ${item.ownerName}`)).toEqual([expect.stringMatching(/^places cat-bob/), expect.stringMatching(/^places cat-carol/)]);
    expect((await categories('?q=PEO')).map((item) => item.category)).toEqual(['People']);
    expect((await categories('?q=cat-carol')).map((item) => item.category)).toEqual(['places']);
    expect(await categories('?q=%25')).toEqual([]);
  });

  it('copies only the shared aliases into an empty library, creating the category, as private independent aliases', async () => {
    const dave = (await api.createUser('cat-dave@test.local')).token;
    const people = await offered('People', 'cat-alice', dave);
    const report = (await copy({ ownerKey: people.ownerKey, category: 'people' }, dave).expect(201)).body as SharedAliasCategoryCopy;
    expect(report).toEqual({
      category: 'People',
      copied: [
        expect.objectContaining({ key: 'People::hero', text: 'knight, armor', shared: false, revision: 1 }),
        expect.objectContaining({ key: 'People::sage', text: 'old wizard', shared: false, revision: 1 }),
      ],
      skipped: [],
    });
    expect(await mine(dave)).toEqual(['People::hero', 'People::sage']);
    expect(await myCategories(dave)).toEqual(['People']);
    const stored = (await get(`/aliases/${report.copied[0]?.id}`, dave).expect(200)).body as Alias;
    expect(stored).toMatchObject({ key: 'People::hero', shared: false });
    expect((await post('/prompts/expand', { text: '$People:villain$' }, dave).expect(200)).body.text).toBe('$People:villain$');
  });

  it('skips, renames or refuses on a key the caller already has, as onClash says', async () => {
    const erin = (await api.createUser('cat-erin@test.local')).token;
    await post('/aliases', { category: 'people', name: 'HERO', text: 'mine' }, erin).expect(201);
    await post('/aliases', { category: 'people', name: 'hero_2', text: 'mine too' }, erin).expect(201);
    const people = await offered('People', 'cat-alice', erin);

    const failed = await copy({ ownerKey: people.ownerKey, category: 'People', onClash: 'fail' }, erin).expect(409);
    expect(failed.body).toEqual({ statusCode: 409, message: 'You already have an alias people::hero' });
    expect(await mine(erin)).toEqual(['people::HERO', 'people::hero_2']);

    const skipped = (await copy({ ownerKey: people.ownerKey, category: 'People' }, erin).expect(201)).body as SharedAliasCategoryCopy;
    expect(skipped.category).toBe('people');
    expect(skipped.copied.map((alias) => alias.key)).toEqual(['people::sage']);
    expect(skipped.skipped).toEqual([{ key: 'people::hero', reason: 'exists' }]);

    const renamed = (await copy({ ownerKey: people.ownerKey, category: 'People', into: 'heroes', onClash: 'rename' }, erin).expect(201)).body as SharedAliasCategoryCopy;
    expect(renamed).toMatchObject({ category: 'heroes', skipped: [] });
    expect(renamed.copied.map((alias) => alias.key)).toEqual(['heroes::hero', 'heroes::sage']);
    const again = (await copy({ ownerKey: people.ownerKey, category: 'People', onClash: 'rename' }, erin).expect(201)).body as SharedAliasCategoryCopy;
    expect(again.copied.map((alias) => alias.key)).toEqual(['people::hero_3', 'people::sage_2']);
    expect(await myCategories(erin)).toEqual(['people', 'heroes']);
  });

  it('copies uncategorised with into: null', async () => {
    const fay = (await api.createUser('cat-fay@test.local')).token;
    const places = await offered('places', 'cat-carol', fay);
    const report = (await copy({ ownerKey: places.ownerKey, category: 'places', into: null }, fay).expect(201)).body as SharedAliasCategoryCopy;
    expect(report).toMatchObject({ category: null, copied: [expect.objectContaining({ key: 'castle' })], skipped: [] });
    expect(await myCategories(fay)).toEqual([]);
  });

  it('refuses with 409 past the alias or category limit, writing nothing', async () => {
    const user = await api.createUser('cat-limits@test.local');
    const people = await offered('People', 'cat-alice', user.token);
    const categoryList = Array.from({ length: 500 }, (_, i) => `c${i}`);
    await post('/aliases/import', { items: {}, categories: {}, categoryList }, user.token).expect(200);
    const full = await copy({ ownerKey: people.ownerKey, category: 'People' }, user.token).expect(409);
    expect(full.body).toEqual({ statusCode: 409, message: 'You have 500 alias categories, the most allowed', errors: [{ field: 'body.into', message: 'no room for another category' }] });

    await post('/aliases/import?mode=replace', { items: {}, categories: {}, categoryList: [] }, user.token).expect(200);
    const items = Object.fromEntries(Array.from({ length: 9_999 }, (_, i) => [`a${i}`, 'x']));
    await post('/aliases/import', { items }, user.token).expect(200);
    const tooMany = await copy({ ownerKey: people.ownerKey, category: 'People' }, user.token).expect(409);
    expect(tooMany.body.message).toBe('Copying 2 aliases would pass 10000, the most allowed (you have 9999); delete some first');
    expect(await myCategories(user.token)).toEqual([]);
    expect(((await get('/aliases?limit=1', user.token).expect(200)).body as AliasList).total).toBe(9_999);
  });

  it('answers 404 for an unknown owner key, a private alias\'s id, the caller\'s own, or a category without shared aliases', async () => {
    const people = await offered('People', 'cat-alice');
    const secret = ((await get('/aliases?q=plan', alice).expect(200)).body as AliasList).items[0];
    const moat = ((await get('/aliases?q=moat', bob).expect(200)).body as AliasList).items[0];
    await copy({ ownerKey: '00000000-0000-7000-8000-000000000000', category: 'People' }).expect(404);
    await copy({ ownerKey: secret?.id, category: 'secret' }).expect(404);
    await copy({ ownerKey: people.ownerKey, category: 'secret' }).expect(404);
    await copy({ ownerKey: people.ownerKey, category: 'nowhere' }).expect(404);
    await copy({ ownerKey: moat?.id, category: 'places' }).expect(404);
    const bad = await copy({ ownerKey: 'x', category: 'two words', onClash: 'merge' }).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['body.ownerKey', 'body.category', 'body.onClash']);
  });

  it('needs the read scope to list and the generate scope to copy', async () => {
    const people = await offered('People', 'cat-alice');
    const read = (await post('/tokens', { name: 'ro', scopes: ['read'] }, carol).expect(201)).body as { secret: string };
    await get('/aliases/shared/categories', read.secret).expect(200);
    expect((await copy({ ownerKey: people.ownerKey, category: 'People' }, read.secret).expect(403)).body.message).toBe('This token lacks the "generate" scope');
  });
});
