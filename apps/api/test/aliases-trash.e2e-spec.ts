import type { Alias, AliasCategoryList, AliasDetail, AliasList } from '@app/shared/contracts/api/aliases';
import type { PromptExpansion } from '@app/shared/contracts/api/prompts';
import type { Database } from '@app/server/db/database';
import { DATABASE } from '@app/server/db/database.tokens';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import { Clock } from '@app/server/system/clock';
import { randomUUID } from 'node:crypto';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const HOUR_MS = 60 * 60 * 1000;

/** Real time plus whatever a test moved it on by. */
class MovableClock extends Clock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

describe('A-8 alias delete with undo', () => {
  const clock = new MovableClock();
  let api: TestApi;
  let token: string;
  let userId: string;
  let other: string;
  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    const owner = await api.createUser('trash-owner@test.local');
    token = owner.token;
    userId = owner.user.id;
    other = (await api.createUser('trash-other@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, post, patch, del } = apiRequests(
    () => api,
    () => token,
  );
  const undelete = (id: string, as = token) => post(`/aliases/${id}/undelete`, {}, as);
  const create = async (body: object, as = token): Promise<Alias> => (await post('/aliases', body, as).expect(201)).body as Alias;
  const detail = async (id: string, as = token): Promise<AliasDetail> => (await get(`/aliases/${id}`, as).expect(200)).body as AliasDetail;
  const keys = async (as = token): Promise<string[]> => ((await get('/aliases?limit=1000', as).expect(200)).body as AliasList).items.map((alias) => alias.key);
  const categories = async (as = token): Promise<AliasCategoryList> => (await get('/alias-categories', as).expect(200)).body as AliasCategoryList;
  const expand = async (text: string, as = token): Promise<PromptExpansion> => (await post('/prompts/expand', { text }, as).expect(200)).body as PromptExpansion;
  const importFile = (body: object, query: string, as: string) =>
    api.http.post(`/api/aliases/import${query}`).auth(as, bearer).set('Content-Type', 'application/json').send(JSON.stringify(body));

  /** An alias edited twice, so it has revision 3 and two kept texts. */
  async function castleWithHistory(as = token, category = 'places'): Promise<AliasDetail> {
    const alias = await create({ category, name: 'castle', text: 'stone castle', shared: true }, as);
    await patch(`/aliases/${alias.id}`, { text: 'ruined castle', revision: 1 }, as).expect(200);
    await patch(`/aliases/${alias.id}`, { text: 'castle on a hill', revision: 2 }, as).expect(200);
    return detail(alias.id, as);
  }

  it('takes the alias out of the list, expansion and the worker at once; undelete brings back id, revision, times, sharing and kept texts', async () => {
    const before = await castleWithHistory();
    expect(before).toMatchObject({ revision: 3, text: 'castle on a hill', shared: true });
    expect(before.revisions.map((kept) => kept.text)).toEqual(['ruined castle', 'stone castle']);
    expect((await expand('$places:castle$')).text).toBe('castle on a hill');

    await del(`/aliases/${before.id}`).expect(204);
    expect(await keys()).not.toContain('places::castle');
    await get(`/aliases/${before.id}`).expect(404);
    const unexpanded = await expand('$places:castle$');
    expect([unexpanded.text, unexpanded.warnings.map((warning) => warning.kind)]).toEqual(['$places:castle$', ['unknown-alias']]);
    expect((await api.app.get(AliasesRepository).listForExpansion(userId)).map((alias) => alias.id)).not.toContain(before.id);

    const { revisions: _revisions, ...alias } = before;
    expect((await undelete(before.id).expect(200)).body).toEqual(alias);
    expect(await detail(before.id)).toEqual(before);
    expect((await expand('$places:castle$')).trace[0]).toMatchObject({ aliasId: before.id, revision: 3 });
    expect((await api.app.get(AliasesRepository).listForExpansion(userId)).map((entry) => entry.id)).toContain(before.id);
    // Editing continues from the kept revision, and the history goes on growing.
    await patch(`/aliases/${before.id}`, { text: 'castle at dusk', revision: 3 }).expect(200);
    expect((await detail(before.id)).revisions.map((kept) => kept.text)).toEqual(['castle on a hill', 'ruined castle', 'stone castle']);
    await del(`/aliases/${before.id}`).expect(204);
  });

  it('undeletes once: a second undelete is a 404, as is an id that was never deleted', async () => {
    const alias = await create({ name: 'once', text: 'x' });
    await del(`/aliases/${alias.id}`).expect(204);
    await undelete(alias.id).expect(200);
    const again = await undelete(alias.id).expect(404);
    expect(again.body.message).toBe('No deleted alias to bring back; it may have been deleted over a day ago');
    await undelete(randomUUID()).expect(404);
    await undelete('not-a-uuid').expect(400);
    expect(await keys()).toContain('once');
  });

  it("answers 404 for another user's deleted alias and leaves it in its owner's trash", async () => {
    const alias = await create({ name: 'private_one', text: 'mine' });
    await del(`/aliases/${alias.id}`).expect(204);
    await undelete(alias.id, other).expect(404);
    expect(await keys(other)).toEqual([]);
    expect((await undelete(alias.id).expect(200)).body).toMatchObject({ id: alias.id, key: 'private_one' });
  });

  it('refuses with 409 when the key was taken meanwhile, changing nothing; it can be undone once the key is free', async () => {
    const old = await castleWithHistory(token, 'keep');
    await del(`/aliases/${old.id}`).expect(204);
    const taker = await create({ category: 'KEEP', name: 'Castle', text: 'new castle' });
    const categoriesBefore = await categories();

    const clash = await undelete(old.id).expect(409);
    expect(clash.body).toEqual({ statusCode: 409, message: 'You already have an alias keep::castle' });
    expect(await keys()).toContain('keep::Castle');
    expect(await keys()).not.toContain('keep::castle');
    expect(await categories()).toEqual(categoriesBefore);
    expect((await expand('$keep:castle$')).text).toBe('new castle');

    await del(`/aliases/${taker.id}`).expect(204);
    expect((await undelete(old.id).expect(200)).body).toMatchObject({ key: 'keep::castle', revision: 3 });
  });

  it('re-creates a category deleted meanwhile by name at the end of the list, and follows one renamed meanwhile', async () => {
    const lonely = await create({ category: 'lonely', name: 'tower', text: 'tall tower' });
    const moved = await create({ category: 'moving', name: 'bridge', text: 'stone bridge' });
    await del(`/aliases/${lonely.id}`).expect(204);
    await del(`/aliases/${moved.id}`).expect(204);
    const listed = await categories();
    const lonelyCategory = listed.items.find((category) => category.name === 'lonely');
    const movingCategory = listed.items.find((category) => category.name === 'moving');
    await del(`/alias-categories/${lonelyCategory?.id}`).expect(204);
    await patch(`/alias-categories/${movingCategory?.id}`, { name: 'moved' }).expect(200);
    await create({ category: 'later', name: 'x', text: 'x' });

    expect((await undelete(lonely.id).expect(200)).body).toMatchObject({ category: 'lonely', key: 'lonely::tower', text: 'tall tower' });
    const after = (await categories()).items;
    expect(after.at(-1)).toMatchObject({ name: 'lonely', position: after.length - 1, count: 1 });
    expect(after.find((category) => category.id === lonelyCategory?.id)).toBeUndefined();

    expect((await undelete(moved.id).expect(200)).body).toMatchObject({ category: 'moved', key: 'moved::bridge' });
    expect((await categories()).items.find((category) => category.id === movingCategory?.id)).toMatchObject({ name: 'moved', count: 1 });
    expect((await expand('$moved:bridge$')).text).toBe('stone bridge');
  });

  it('refuses with 409 at 500 categories when its category must be re-created, and at 10,000 aliases', async () => {
    const user = await api.createUser('trash-limits@test.local');
    const alias = await create({ category: 'gone', name: 'a', text: 'x' }, user.token);
    await del(`/aliases/${alias.id}`, user.token).expect(204);
    const gone = (await categories(user.token)).items[0];
    await del(`/alias-categories/${gone?.id}`, user.token).expect(204);
    const categoryList = Array.from({ length: 500 }, (_, i) => `c${i}`);
    await importFile({ items: {}, categories: {}, categoryList }, '', user.token).expect(200);

    const full = await undelete(alias.id, user.token).expect(409);
    expect(full.body.message).toBe('You have 500 alias categories, the most allowed');
    expect((await categories(user.token)).items).toHaveLength(500);

    await importFile({ items: {}, categories: {}, categoryList: categoryList.slice(1) }, '?mode=replace', user.token).expect(200);
    const items = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`a${i}`, 'x']));
    await importFile({ items }, '', user.token).expect(200);
    const tooMany = await undelete(alias.id, user.token).expect(409);
    expect(tooMany.body.message).toBe('You have 10000 aliases, the most allowed; delete some first');
    // The category it re-created before the refusal is rolled back with it.
    expect((await categories(user.token)).items.map((category) => category.name)).toEqual(categoryList.slice(1));

    await del(`/aliases/${((await get('/aliases?limit=1', user.token).expect(200)).body as AliasList).items[0]?.id}`, user.token).expect(204);
    expect((await undelete(alias.id, user.token).expect(200)).body).toMatchObject({ key: 'gone::a' });
    expect((await categories(user.token)).items.at(-1)).toMatchObject({ name: 'gone', position: 499, count: 1 });
  });

  it('keeps a user at most the 50 newest deleted aliases', async () => {
    const user = await api.createUser('trash-many@test.local');
    const file = { items: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`n${String(i).padStart(2, '0')}`, 'x'])) };
    await importFile(file, '', user.token).expect(200);
    const all = ((await get('/aliases?limit=100', user.token).expect(200)).body as AliasList).items;
    for (const alias of all) {
      await del(`/aliases/${alias.id}`, user.token).expect(204);
      clock.advance(1);
    }
    await undelete(all[0]?.id ?? '', user.token).expect(404);
    await undelete(all[1]?.id ?? '', user.token).expect(200);
    await undelete(all[50]?.id ?? '', user.token).expect(200);
  });

  it('forgets deletions after 24 hours, and drops them from the table at the next delete', async () => {
    const user = await api.createUser('trash-old@test.local');
    const [early, late, next] = [await create({ name: 'early', text: 'x' }, user.token), await create({ name: 'late', text: 'x' }, user.token), await create({ name: 'next', text: 'x' })];
    const trashed = async () => (await api.app.get<symbol, Database>(DATABASE).selectFrom('aliasTrash').select('aliasId').where('aliasId', 'in', [early.id, late.id]).execute()).map((row) => row.aliasId);
    await del(`/aliases/${early.id}`, user.token).expect(204);
    clock.advance(23 * HOUR_MS);
    await del(`/aliases/${late.id}`, user.token).expect(204);
    clock.advance(1 * HOUR_MS + 1);
    await undelete(early.id, user.token).expect(404);
    expect(await trashed()).toEqual(expect.arrayContaining([early.id, late.id]));
    await del(`/aliases/${next.id}`).expect(204);
    expect(await trashed()).toEqual([late.id]);
    expect((await undelete(late.id, user.token).expect(200)).body).toMatchObject({ key: 'late' });
  });

  it('does not keep aliases an import with mode=replace removes', async () => {
    const user = await api.createUser('trash-import@test.local');
    const replaced = await create({ name: 'replaced', text: 'x' }, user.token);
    await importFile({ items: { fresh: 'y' } }, '?mode=replace', user.token).expect(200);
    await undelete(replaced.id, user.token).expect(404);
  });
});
