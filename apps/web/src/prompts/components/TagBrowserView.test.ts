import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { aliasPage } from '../../test/aliases';
import { fakeClipboard } from '../../test/clipboard';
import { fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs, storedPreferences } from '../../test/sessions';
import { tagPage, tags } from '../../test/tags';
import { memberView } from '../../test/users';

const CATEGORIES = { items: [{ category: 'general', count: 120_000 }, { category: 'character', count: 20_500 }], total: 140_500, list: null };

function tagsAt(query: Record<string, string>): string {
  return `GET /tags?${new URLSearchParams(query).toString()}`;
}

async function openTags(routes: Routes) {
  const api = fakeApi({
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /tags/categories': () => json(200, CATEGORIES),
    ...routes,
  });
  const screen = await renderApp('/prompts/tags');
  const list = within(await screen.findByRole('list', { name: 'Tags' }));
  return { ...screen, api, list };
}

function names(list: ReturnType<typeof within>): string[] {
  return list.getAllByRole('button').map((row: HTMLElement) => row.querySelector('.tag-row__name')?.textContent ?? '');
}

describe('T-8 tag browser', () => {
  it('reads page after page, and starts again when a filter changes', async () => {
    const screen = await openTags({
      [tagsAt({ q: '', sort: 'count', limit: '50' })]: () => json(200, tagPage(tags('1girl', 'highres'), 'c2')),
      [tagsAt({ q: '', sort: 'count', limit: '50', cursor: 'c2' })]: () => json(200, tagPage(tags('solo'))),
      [tagsAt({ q: '', category: 'character', sort: 'count', limit: '50' })]: () => json(200, tagPage(tags('hatsune_miku'))),
      [tagsAt({ q: '', category: 'character', sort: 'alpha', limit: '50' })]: () => json(200, tagPage(tags('hatsune_miku'))),
      [tagsAt({ q: '', category: 'character', sort: 'alpha', minCount: '1000', limit: '50' })]: () => json(200, tagPage([])),
      [tagsAt({ q: 'miku', category: 'character', sort: 'alpha', limit: '50' })]: () => json(200, tagPage(tags('hatsune_miku'))),
    });

    expect(names(screen.list)).toEqual(['1girl', 'highres']);
    await fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await vi.waitFor(() => expect(names(screen.list)).toEqual(['1girl', 'highres', 'solo']));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    const category = screen.getByRole('combobox', { name: 'Category' });
    expect(within(category).getAllByRole('option').map((option) => option.textContent)).toEqual(['All (140.5k)', 'general (120k)', 'character (20.5k)']);
    await fireEvent.update(category, 'character');
    await vi.waitFor(() => expect(names(within(screen.getByRole('list', { name: 'Tags' })))).toEqual(['hatsune_miku']));
    await fireEvent.update(screen.getByRole('combobox', { name: 'Sort' }), 'alpha');
    await fireEvent.update(screen.getByRole('spinbutton', { name: 'At least this many posts' }), '1000');
    expect(await screen.findByText('No tag matches.')).toBeTruthy();
    await fireEvent.update(screen.getByRole('spinbutton', { name: 'At least this many posts' }), '');
    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search tags' }), 'miku');

    await vi.waitFor(() => expect(screen.api.seen.at(-1)?.path).toBe('/tags?q=miku&category=character&sort=alpha&limit=50'));
    expect(await screen.findByText('hatsune_miku')).toBeTruthy();
  });

  it('collects tags in order, reorders them and copies them as tag1, tag2', async () => {
    const writeText = fakeClipboard();
    const screen = await openTags({ [tagsAt({ q: '', sort: 'count', limit: '50' })]: () => json(200, tagPage(tags('long_hair', 'smile', 'star_(symbol)'))) });

    for (const name of ['long_hair', 'smile', 'star_(symbol)']) await fireEvent.click(screen.list.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} `) }));
    await fireEvent.click(screen.list.getByRole('button', { name: /^smile / }));
    expect(screen.list.getByRole('button', { name: /^smile / }).getAttribute('aria-pressed')).toBe('false');
    const collected = within(screen.getByRole('region', { name: 'Collected tags' }));
    expect(collected.getByRole('heading', { name: 'Collected (2)' })).toBeTruthy();

    await fireEvent.click(collected.getByRole('button', { name: 'Move star_(symbol) earlier' }));
    await fireEvent.click(collected.getByRole('button', { name: 'Copy' }));

    expect(writeText).toHaveBeenCalledWith('star_\\(symbol\\), long_hair');
  });

  it('makes a new alias of the collected tags, written with spaces when the user prefers them', async () => {
    const screen = await openTags({
      ...storedPreferences({ theme: 'dark', tagSpaces: true }),
      [tagsAt({ q: '', sort: 'count', limit: '50' })]: () => json(200, tagPage(tags('long_hair', 'smile'))),
      'GET /alias-categories': () => json(200, { items: [], uncategorised: 0 }),
      'GET /aliases?limit=1000': () => json(200, aliasPage([])),
    });

    await fireEvent.click(screen.list.getByRole('button', { name: /^long_hair / }));
    await fireEvent.click(screen.list.getByRole('button', { name: /^smile / }));
    await fireEvent.click(screen.getByRole('button', { name: 'New alias with these' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'New alias' }));
    expect((dialog.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe('long hair, smile');
    expect(screen.getByText('Nothing collected yet.')).toBeTruthy();
  });
});
