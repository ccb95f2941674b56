import type { Alias, AliasList } from '@app/shared/contracts/api/aliases';
import type { PromptExpansion } from '@app/shared/contracts/api/prompts';
import type { SharedAliasList } from '@app/shared/contracts/api/aliases';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

describe('U-5 shared aliases', () => {
  let api: TestApi;
  let alice: string;
  let bob: string;
  let carol: string;
  let hero: Alias;
  let secret: Alias;
  beforeAll(async () => {
    api = await startTestApi();
    alice = (await api.createUser('share-alice@test.local')).token;
    bob = (await api.createUser('share-bob@test.local')).token;
    carol = (await api.createUser('share-carol@test.local')).token;
    const create = async (body: object, as: string): Promise<Alias> => (await api.http.post('/api/aliases').auth(as, bearer).send(body).expect(201)).body as Alias;
    hero = await create({ category: 'people', name: 'hero', text: 'knight, armor', shared: true }, alice);
    secret = await create({ category: 'people', name: 'villain', text: 'dark lord' }, alice);
    await create({ name: 'sky', text: 'blue sky, clouds', shared: true }, alice);
    await create({ category: 'places', name: 'castle', text: 'castle on a hill', shared: true }, carol);
    await create({ name: 'own_shared', text: 'mine', shared: true }, bob);
  });
  afterAll(async () => {
    await api.close();
  });

  const shared = async (query: Record<string, string>, as = bob): Promise<SharedAliasList> =>
    (await api.http.get(`/api/aliases/shared?${new URLSearchParams(query).toString()}`).auth(as, bearer).expect(200)).body as SharedAliasList;
  const expand = async (text: string, as: string): Promise<PromptExpansion> => (await api.http.post('/api/prompts/expand').auth(as, bearer).send({ text }).expect(200)).body as PromptExpansion;
  const copy = (id: string, body: object, as = bob) => api.http.post(`/api/aliases/${id}/copy`).auth(as, bearer).send(body);

  it('lists others\' shared aliases by key with the owner\'s name, never private ones nor the caller\'s own', async () => {
    const page = await shared({});
    expect(page).toEqual({
      items: [
        { id: hero.id, category: 'people', name: 'hero', key: 'people::hero', text: 'knight, armor', updatedAt: hero.updatedAt, ownerName: expect.stringContaining('share-alice') },
        { id: expect.any(String), category: 'places', name: 'castle', key: 'places::castle', text: 'castle on a hill', updatedAt: expect.any(Number), ownerName: expect.stringContaining('share-carol') },
        { id: expect.any(String), category: null, name: 'sky', key: 'sky', text: 'blue sky, clouds', updatedAt: expect.any(Number), ownerName: expect.stringContaining('share-alice') },
      ],
      nextCursor: null,
    });
    expect((await shared({}, alice)).items.map((a) => a.key)).toEqual(['own_shared', 'places::castle']);
  });

  it('searches key and text ignoring case, and pages with a cursor', async () => {
    expect((await shared({ q: 'CLOUDS' })).items.map((a) => a.key)).toEqual(['sky']);
    expect((await shared({ q: 'people::' })).items.map((a) => a.key)).toEqual(['people::hero']);
    const first = await shared({ limit: '2' });
    expect(first.items.map((a) => a.key)).toEqual(['people::hero', 'places::castle']);
    const second = await shared({ limit: '2', cursor: first.nextCursor ?? '' });
    expect(second).toEqual({ items: [expect.objectContaining({ key: 'sky' })], nextCursor: null });
    expect((await api.http.get('/api/aliases/shared?cursor=bogus').auth(bob, bearer).expect(400)).body.errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  });

  it('never lets a shared alias change another user\'s expansion until it is copied', async () => {
    const before = await expand('$people:hero$, 1girl', bob);
    expect(before.text).toBe('$people:hero$, 1girl');
    expect(before.warnings.map((w) => w.kind)).toEqual(['unknown-alias']);

    const copied = (await copy(hero.id, {}).expect(201)).body as Alias;
    expect(copied).toMatchObject({ category: 'people', name: 'hero', key: 'people::hero', text: 'knight, armor', shared: false, revision: 1 });
    expect(copied.id).not.toBe(hero.id);
    expect((await expand('$people:hero$, 1girl', bob)).text).toBe('knight, armor, 1girl');
    expect((await expand('$people:hero$', carol)).text).toBe('$people:hero$');
  });

  it('keeps the copy independent: the owner\'s later edits and unsharing do not reach it', async () => {
    await api.http.patch(`/api/aliases/${hero.id}`).auth(alice, bearer).send({ text: 'paladin', shared: false, revision: hero.revision }).expect(200);
    expect((await expand('$people:hero$', bob)).text).toBe('knight, armor');
    expect((await shared({})).items.map((a) => a.key)).toEqual(['places::castle', 'sky']);
    await copy(hero.id, { name: 'hero2' }).expect(404);
  });

  it('answers 409 on a name clash with a clear message, and copies under another name or category', async () => {
    const castle = (await shared({ q: 'castle' })).items[0];
    if (!castle) throw new Error('castle not listed');
    await copy(castle.id, {}).expect(201);
    const clash = await copy(castle.id, { category: 'PLACES' }).expect(409);
    expect(clash.body).toEqual({ statusCode: 409, message: 'You already have an alias places::castle', errors: [{ field: 'body.name', message: 'is already used in this category (ignoring case)' }] });
    expect(((await copy(castle.id, { name: 'fortress' }).expect(201)).body as Alias).key).toBe('places::fortress');
    expect(((await copy(castle.id, { category: null }).expect(201)).body as Alias).key).toBe('castle');
    const mine = (await api.http.get('/api/aliases').auth(bob, bearer).expect(200)).body as AliasList;
    expect(mine.items.map((a) => a.key).sort()).toEqual(['castle', 'own_shared', 'people::hero', 'places::castle', 'places::fortress']);
  });

  it('answers 404 for private aliases, the caller\'s own and unknown ids, and 400 for a bad name', async () => {
    await copy(secret.id, {}).expect(404);
    const own = (await shared({}, alice)).items.find((a) => a.key === 'own_shared');
    if (!own) throw new Error('own_shared not listed');
    await copy(own.id, {}, bob).expect(404);
    await copy('00000000-0000-7000-8000-000000000000', {}).expect(404);
    const sky = (await shared({ q: 'sky' })).items[0];
    expect((await copy(sky?.id ?? '', { name: 'two words' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
  });
});
