import { fireEvent, within } from '@testing-library/vue';
import type { Alias, AliasCategoryList } from '@app/shared/contracts/api/aliases';
import { aliasId, aliasPage, categoriesOf, fixtureAliases } from './aliases';
import { fakeApi, json } from './fake-api';
import type { Routes, SeenRequest } from './fake-api';
import { renderApp } from './render-app';
import { signedInAs } from './sessions';
import { memberView } from './users';

/** The Prompts tab's alias library, opened on the fixture aliases, for the library's component tests. */
export const library = fixtureAliases();
export const rainGear = library.find((entry) => entry.key === 'outfit::rain_gear') as Alias;

export function withWeather(list: AliasCategoryList): AliasCategoryList {
  return { ...list, items: [...list.items, { id: aliasId('category:weather'), name: 'weather', position: list.items.length, count: 0 }] };
}

export async function openLibrary(routes: Routes = {}, aliases: Alias[] = library) {
  const api = fakeApi({
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /aliases?limit=1000': () => json(200, aliasPage(aliases)),
    'GET /alias-categories': () => json(200, withWeather(categoriesOf(aliases))),
    ...routes,
  });
  const screen = await renderApp('/prompts');
  await screen.findByText(`${aliases.length} of ${aliases.length} aliases`);
  return { ...screen, api };
}

export type Screen = Awaited<ReturnType<typeof openLibrary>>;

export function sent(screen: Screen, method: string, path: string): SeenRequest[] {
  return screen.api.seen.filter((seen) => seen.method === method && seen.path === path);
}

export function rowKeys(screen: Screen): string[] {
  return within(screen.getByRole('list', { name: 'Aliases' }))
    .getAllByRole('button')
    .map((row) => row.getAttribute('aria-label') ?? '');
}

export async function openEditor(screen: Screen, key: string) {
  await fireEvent.update(screen.getByRole('searchbox', { name: 'Search aliases' }), key);
  await fireEvent.click(within(screen.getByRole('list', { name: 'Aliases' })).getByRole('button', { name: key }));
  return within(await screen.findByRole('dialog', { name: `Edit ${key}` }));
}
