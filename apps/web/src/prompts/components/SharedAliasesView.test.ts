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

describe('U-5 others’ shared categories', () => {
  const people = { ownerKey: castle.id, ownerName: 'Ada', category: 'people', count: 2 };
  const places = { ownerKey: hero.id, ownerName: 'Bea', category: 'places', count: 1 };

  async function openCategories(routes: Routes) {
    const screen = await openShared({ 'GET /aliases/shared?limit=50': () => json(200, { items: [], nextCursor: null }), ...routes });
    await fireEvent.click(await screen.findByRole('button', { name: 'Categories' }));
    return screen;
  }

  it('lists them with owner and count, and searches them', async () => {
    const screen = await openCategories({
      'GET /aliases/shared/categories': () => json(200, { items: [people, places] }),
      'GET /aliases/shared/categories?q=bea': () => json(200, { items: [places] }),
    });
    const list = within(await screen.findByRole('list', { name: 'Shared categories' }));

    expect(list.getByText('people')).toBeTruthy();
    expect(list.getByText('· by Ada · 2 alias(es)', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Categories' }).getAttribute('aria-pressed')).toBe('true');

    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search shared categories' }), 'bea');
    await vi.waitFor(() => expect(screen.queryByText('people')).toBeNull());
    expect(screen.getByText('places')).toBeTruthy();
  });

  it('copies one with the chosen clash rule, reports what was copied and skipped, and adds the copies to the user’s aliases', async () => {
    const copied = [alias('people', 'sage', 'old wizard')];
    const screen = await openCategories({
      'GET /aliases/shared/categories': () => json(200, { items: [people, places] }),
      'POST /aliases/shared/categories/copy': () => json(201, { category: 'people', copied, skipped: [{ key: 'people::hero', reason: 'exists' }] }),
    });

    await fireEvent.update(await screen.findByRole('combobox', { name: 'When you already have an alias of the same name' }), 'fail');
    await fireEvent.click(await screen.findByRole('button', { name: 'Copy category to mine: people by Ada' }));

    const report = await within(screen.getByRole('list', { name: 'Shared categories' })).findByRole('status');
    expect(report.textContent).toContain('Copied 1 alias(es) into people');
    expect(report.textContent).toContain('Skipped 1: people::hero (you have it)');
    expect(await within(screen.getByRole('status', { name: 'Notifications' })).findByText('Copied 1 alias(es) into people')).toBeTruthy();
    expect(screen.api.seen.find((seen) => seen.path === '/aliases/shared/categories/copy')?.body).toEqual({ ownerKey: castle.id, category: 'people', onClash: 'fail' });
    const paths = screen.api.seen.map((seen) => seen.path);
    expect(paths.lastIndexOf('/alias-categories')).toBeGreaterThan(paths.indexOf('/aliases/shared/categories/copy'));
    const { useAliasesStore } = await import('../stores/aliasesStore');
    expect(useAliasesStore().items.map((item) => item.key)).toEqual(['people::sage']);
  });

  it('shows a refusal on the category’s row', async () => {
    const screen = await openCategories({
      'GET /aliases/shared/categories': () => json(200, { items: [people] }),
      'POST /aliases/shared/categories/copy': () => errorBody(409, 'You have 500 alias categories, the most allowed'),
    });

    await fireEvent.click(await screen.findByRole('button', { name: 'Copy category to mine: people by Ada' }));
    expect((await screen.findByText('You have 500 alias categories, the most allowed')).getAttribute('role')).toBe('alert');
  });

  it('says when nobody shares a category', async () => {
    const screen = await openCategories({ 'GET /aliases/shared/categories': () => json(200, { items: [] }) });

    expect(await screen.findByText('Nobody shares a category yet.')).toBeTruthy();
  });
});
