import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { alias, aliasPage } from '../../test/aliases';
import { errorBody, fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';
import type { SharedAlias } from '@app/shared/contracts/api/aliases';

function shared(category: string | null, name: string, text: string, ownerName: string): SharedAlias {
  const { id, key, updatedAt } = alias(category, name, text);
  return { id, category, name, key, text, updatedAt, ownerName };
}

const castle = shared('places', 'castle', 'stone castle, moat', 'Ada');
const harbour = shared('places', 'harbour', 'fishing boats, pier', 'Ada');
const hero = shared(null, 'hero', 'brave knight', 'Bea');

async function openShared(routes: Routes) {
  const api = fakeApi({
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /aliases?limit=1000': () => json(200, aliasPage([])),
    'GET /alias-categories': () => json(200, { items: [], uncategorised: 0 }),
    ...routes,
  });
  const screen = await renderApp('/prompts/shared');
  return { ...screen, api };
}

describe('U-5 / A-8 others’ shared aliases', () => {
  it('lists them with their owners, page by page, and searches them', async () => {
    const screen = await openShared({
      'GET /aliases/shared?limit=50': () => json(200, { items: [castle, harbour], nextCursor: 'c2' }),
      'GET /aliases/shared?limit=50&cursor=c2': () => json(200, { items: [hero], nextCursor: null }),
      'GET /aliases/shared?limit=50&q=knight': () => json(200, { items: [hero], nextCursor: null }),
    });
    const list = within(await screen.findByRole('list', { name: 'Shared aliases' }));

    expect(list.getByText('places::castle')).toBeTruthy();
    expect(list.getAllByText('· by Ada', { exact: false })).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await list.findByText('hero')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search shared aliases' }), 'knight');
    await vi.waitFor(() => expect(screen.queryByText('places::castle')).toBeNull());
    expect(screen.getByText('brave knight')).toBeTruthy();
    expect(screen.api.seen.filter((seen) => seen.path.startsWith('/aliases/shared')).map((seen) => seen.path)).toEqual([
      '/aliases/shared?limit=50',
      '/aliases/shared?limit=50&cursor=c2',
      '/aliases/shared?limit=50&q=knight',
    ]);
  });

  it('copies one into the user’s own aliases, and shows a clash on its row', async () => {
    const screen = await openShared({
      'GET /aliases/shared?limit=50': () => json(200, { items: [castle, hero], nextCursor: null }),
      [`POST /aliases/${castle.id}/copy`]: () => json(201, alias('places', 'castle', castle.text)),
      [`POST /aliases/${hero.id}/copy`]: () => errorBody(409, 'You already have an alias hero'),
    });

    await fireEvent.click(await screen.findByRole('button', { name: 'Copy to mine: places::castle by Ada' }));
    expect(await screen.findByText('Copied places::castle to your aliases')).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Copy to mine: hero by Bea' }));
    expect((await screen.findByText('You already have an alias hero')).getAttribute('role')).toBe('alert');
  });

  it('says when nobody shares anything', async () => {
    const screen = await openShared({ 'GET /aliases/shared?limit=50': () => json(200, { items: [], nextCursor: null }) });

    expect(await screen.findByText('Nobody shares an alias yet.')).toBeTruthy();
  });
});
