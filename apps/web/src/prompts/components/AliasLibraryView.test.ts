import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { alias, aliasId, aliasPage, categoriesOf } from '../../test/aliases';
import { library, openEditor, openLibrary, rainGear, rowKeys, sent, withWeather } from '../../test/alias-library';
import type { Screen } from '../../test/alias-library';
import { captureDownloads } from '../../test/downloads';
import { errorBody, fakeApi, inTurn, json, noContent } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

describe('A-8 browsing the library', () => {
  it('filters by category with counts, and searches names and texts', async () => {
    const screen = await openLibrary();
    const filter = screen.getByRole('combobox', { name: 'Category' });

    expect(within(filter).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All (30)',
      'No category (2)',
      'character (5)',
      'outfit (5)',
      'lighting (5)',
      'outdoor (5)',
      'artistic (4)',
      'prompts (4)',
      'weather (0)',
    ]);
    await fireEvent.update(filter, 'lighting');
    expect(rowKeys(screen)).toEqual(['lighting::candle_light', 'lighting::golden_hour', 'lighting::moonlit', 'lighting::neon:pink', 'lighting::neon_night']);

    await fireEvent.update(filter, '*');
    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search aliases' }), 'umbrella');
    expect(screen.getByText('1 of 30 aliases')).toBeTruthy();
    expect(rowKeys(screen)).toEqual(['outfit::rain_gear']);
  });

  it('keeps only the rows near the screen in the page with 10,000 aliases', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => alias('bulk', `a${String(i).padStart(5, '0')}`, `text ${i}`));
    const screen = await openLibrary({}, many);

    const rows = rowKeys(screen);
    expect(rows[0]).toBe('bulk::a00000');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
  });

  it('says so when the library is empty', async () => {
    const api = fakeApi({
      ...signedInAs(memberView),
      'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
      'GET /aliases?limit=1000': () => json(200, aliasPage([])),
      'GET /alias-categories': () => json(200, { items: [], uncategorised: 0 }),
    });
    const screen = await renderApp('/prompts');

    expect(await screen.findByText('No aliases yet. Create one, or import CozyGen’s aliases.json.')).toBeTruthy();
    expect(api.seen.some((seen) => seen.path === '/aliases?limit=1000')).toBe(true);
  });
});

describe('A-8 creating and editing', () => {
  it('creates an alias in a new category, shared', async () => {
    const created = alias('places', 'castle', 'stone castle, moat', { shared: true });
    const screen = await openLibrary({
      'POST /aliases': () => json(201, created),
      'GET /alias-categories': inTurn(
        () => json(200, categoriesOf(library)),
        () => json(200, categoriesOf([...library, created])),
      ),
    });

    await fireEvent.click(screen.getByRole('button', { name: 'New alias' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New alias' }));
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Text' }), 'stone castle, moat');
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Name' }), 'bad name');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await dialog.findByText('Use 1–128 letters, digits, _ or -')).toBeTruthy();
    expect(sent(screen, 'POST', '/aliases')).toEqual([]);

    await fireEvent.update(dialog.getByRole('textbox', { name: 'Name' }), 'castle');
    await fireEvent.update(dialog.getByLabelText('Category (optional)'), 'places');
    await fireEvent.click(dialog.getByRole('switch', { name: 'Share with everyone here' }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Alias places::castle created')).toBeTruthy();
    expect(sent(screen, 'POST', '/aliases')[0]?.body).toEqual({ name: 'castle', category: 'places', text: 'stone castle, moat', shared: true });
    expect(screen.getByText('31 of 31 aliases')).toBeTruthy();
    expect(await within(screen.getByRole('combobox', { name: 'Category' })).findByRole('option', { name: 'places (1)' })).toBeTruthy();
  });

  it('S-11 shows a conflict when the alias changed elsewhere, and saves over it when asked', async () => {
    const detail = (revision: number) => ({ ...rainGear, revision, revisions: [{ revision: 1, text: 'raincoat', createdAt: Date.UTC(2025, 0, 1) }] });
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: inTurn(
        () => json(200, detail(2)),
        () => json(200, detail(3)),
      ),
      [`PATCH /aliases/${rainGear.id}`]: inTurn(
        () => errorBody(409, 'The alias was changed since you opened it; reload and edit again', [{ field: 'body.revision', message: 'is 2, but the alias has been edited since' }]),
        (request) => json(200, { ...rainGear, ...(request.body as object), revision: 4 }),
      ),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    expect(await dialog.findByText(/^Revision 1 ·/)).toBeTruthy();
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Text' }), 'raincoat, wellies');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(await dialog.findByText('This alias was changed elsewhere since you opened it.')).toBeTruthy();
    await fireEvent.click(dialog.getByRole('button', { name: 'Save mine over it' }));

    expect(await screen.findByText('Alias outfit::rain_gear saved')).toBeTruthy();
    expect(sent(screen, 'PATCH', `/aliases/${rainGear.id}`).map((request) => request.body)).toEqual([
      { name: 'rain_gear', category: 'outfit', text: 'raincoat, wellies', shared: false, revision: 2 },
      { name: 'rain_gear', category: 'outfit', text: 'raincoat, wellies', shared: false, revision: 3 },
    ]);
    expect(screen.queryByRole('dialog', { name: 'Edit outfit::rain_gear' })).toBeNull();
  });

  it('loads the stored version instead, when asked', async () => {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: inTurn(
        () => json(200, { ...rainGear, revisions: [] }),
        () => json(200, { ...rainGear, text: 'poncho', revision: 2, revisions: [] }),
      ),
      [`PATCH /aliases/${rainGear.id}`]: () => errorBody(409, 'The alias was changed since you opened it', [{ field: 'body.revision', message: 'is stale' }]),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Text' }), 'mine');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await fireEvent.click(await dialog.findByRole('button', { name: 'Load the stored version' }));

    await vi.waitFor(() => expect((dialog.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe('poncho'));
    expect(dialog.queryByText('This alias was changed elsewhere since you opened it.')).toBeNull();
  });

  it('restores an earlier text as a new revision', async () => {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: inTurn(
        () => json(200, { ...rainGear, revision: 2, revisions: [{ revision: 1, text: 'raincoat', createdAt: Date.UTC(2025, 0, 1) }] }),
        () => json(200, { ...rainGear, text: 'raincoat', revision: 3, revisions: [{ revision: 2, text: rainGear.text, createdAt: Date.UTC(2025, 0, 2) }] }),
      ),
      [`POST /aliases/${rainGear.id}/restore`]: () => json(200, { ...rainGear, text: 'raincoat', revision: 3 }),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.click(await dialog.findByRole('button', { name: 'Restore revision 1' }));

    expect(await screen.findByText('Revision 1 restored')).toBeTruthy();
    expect((dialog.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement).value).toBe('raincoat');
    expect(sent(screen, 'POST', `/aliases/${rainGear.id}/restore`)[0]?.body).toEqual({ revision: 1 });
    expect(await dialog.findByRole('button', { name: 'Restore revision 2' })).toBeTruthy();
  });

  it('deletes at once, and Undo on the toast brings the alias back as the api kept it', async () => {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: () => json(200, { ...rainGear, revisions: [] }),
      [`DELETE /aliases/${rainGear.id}`]: () => noContent(),
      [`POST /aliases/${rainGear.id}/undelete`]: () => json(200, rainGear),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Deleted outfit::rain_gear')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('No alias matches.')).toBeTruthy();
    expect(sent(screen, 'DELETE', `/aliases/${rainGear.id}`)).toHaveLength(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('Brought back outfit::rain_gear')).toBeTruthy();
    expect(screen.queryByText('Deleted outfit::rain_gear')).toBeNull();
    expect(sent(screen, 'POST', `/aliases/${rainGear.id}/undelete`)).toHaveLength(1);
    expect(rowKeys(screen)).toEqual(['outfit::rain_gear']);
    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search aliases' }), '');
    expect(screen.getByText('30 of 30 aliases')).toBeTruthy();
  });

  it('shows why Undo failed and leaves the alias deleted', async () => {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: () => json(200, { ...rainGear, revisions: [] }),
      [`DELETE /aliases/${rainGear.id}`]: () => noContent(),
      [`POST /aliases/${rainGear.id}/undelete`]: () => errorBody(409, 'You already have an alias outfit::rain_gear'),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));

    expect(await screen.findByText('You already have an alias outfit::rain_gear')).toBeTruthy();
    await fireEvent.update(screen.getByRole('searchbox', { name: 'Search aliases' }), '');
    expect(screen.getByText('29 of 29 aliases')).toBeTruthy();
  });

  it('keeps the editor open with the reason when the delete fails', async () => {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: () => json(200, { ...rainGear, revisions: [] }),
      [`DELETE /aliases/${rainGear.id}`]: () => errorBody(404, 'Alias not found'),
    });

    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));

    expect(await dialog.findByText('Alias not found')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});

describe('A-9 / A-10 import and export', () => {
  const file = { items: { 'places::castle': 'stone castle', 'bad name': 'x' }, categories: {}, categoryList: ['places'] };

  async function importFile(screen: Screen, mode: 'merge' | 'replace', skip: boolean) {
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Import aliases' }));
    await fireEvent.change(dialog.getByLabelText('CozyGen aliases.json'), { target: { files: [new File([JSON.stringify(file)], 'aliases.json')] } });
    await fireEvent.update(dialog.getByRole('combobox', { name: 'How' }), mode);
    if (skip) await fireEvent.click(dialog.getByRole('switch', { name: 'Skip names a token cannot reach' }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Import' }));
    return dialog;
  }

  it('sends the file with the chosen mode and reports what was added, changed and left out', async () => {
    const imported = alias('places', 'castle', 'stone castle');
    const screen = await openLibrary({
      'POST /aliases/import?mode=replace&onInvalid=skip': () =>
        json(200, { added: 1, changed: 0, unchanged: 0, removed: 30, categoriesAdded: 1, skipped: [{ key: 'bad name', reason: 'invalid', message: 'name must be …' }], notices: [] }),
      'GET /aliases?limit=1000': inTurn(
        () => json(200, aliasPage(library)),
        () => json(200, aliasPage([imported])),
      ),
    });

    const dialog = await importFile(screen, 'replace', true);

    expect(await dialog.findByText('1 added, 0 changed, 0 unchanged, 30 removed, 1 categories added.')).toBeTruthy();
    expect(dialog.getByText('bad name: a name no token can reach')).toBeTruthy();
    expect(sent(screen, 'POST', '/aliases/import?mode=replace&onInvalid=skip')[0]?.body).toEqual(file);
    expect(await screen.findByText('1 of 1 aliases')).toBeTruthy();
  });

  it('lists every offending key when the api refuses the file', async () => {
    const screen = await openLibrary({
      'POST /aliases/import?mode=merge&onInvalid=reject': () => errorBody(400, 'The file has 1 invalid alias name', [{ field: 'bad name', message: 'name must be 1–128 letters, digits, _ or -' }]),
    });

    const dialog = await importFile(screen, 'merge', false);

    expect(await dialog.findByText('The file has 1 invalid alias name')).toBeTruthy();
    expect(dialog.getByText('bad name: name must be 1–128 letters, digits, _ or -')).toBeTruthy();
  });

  it('downloads the export as aliases.json, names like __proto__ included', async () => {
    const exported = JSON.parse('{"items":{"__proto__":"odd but legal","places::castle":"stone"},"categories":{"__proto__":"","places::castle":"places"},"categoryList":["places"]}') as unknown;
    const downloads = captureDownloads();
    const screen = await openLibrary({ 'GET /aliases/export': () => json(200, exported) });

    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));

    await vi.waitFor(() => expect(downloads.map((download) => download.fileName)).toEqual(['aliases.json']));
    const text = (await downloads[0]?.text()) ?? '';
    expect(text).toContain('"__proto__": "odd but legal"');
    expect(Object.keys((JSON.parse(text) as { items: object }).items)).toEqual(['__proto__', 'places::castle']);
  });
});

describe('A-8 categories', () => {
  it('creates, renames, moves and tries to delete categories', async () => {
    const outfit = categoriesOf(library).items.find((entry) => entry.name === 'outfit');
    const weather = withWeather(categoriesOf(library)).items.at(-1);
    if (!outfit || !weather) throw new Error('fixture categories missing');
    const screen = await openLibrary({
      'POST /alias-categories': () => json(201, { id: aliasId('category:places'), name: 'places', position: 7, count: 0 }),
      [`PATCH /alias-categories/${weather.id}`]: () => json(200, { ...weather, name: 'sky' }),
      [`DELETE /alias-categories/${outfit.id}`]: () => errorBody(409, 'Category outfit still holds 5 aliases; move or delete them first'),
      'PUT /alias-categories/order': (request) => {
        const ids = (request.body as { ids: string[] }).ids;
        const all = withWeather(categoriesOf(library)).items;
        return json(200, { items: ids.map((id, position) => ({ ...(all.find((entry) => entry.id === id) ?? outfit), position })), uncategorised: 2 });
      },
    });

    await fireEvent.click(screen.getByRole('button', { name: 'Categories' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Categories' }));
    expect(dialog.getByText('outfit').parentElement?.textContent).toContain('5 alias(es)');

    await fireEvent.update(dialog.getByRole('textbox', { name: 'New category' }), 'bad category!');
    await fireEvent.click(dialog.getByRole('button', { name: 'Add' }));
    expect(dialog.getByText('Use 1–64 letters, digits, _ or -')).toBeTruthy();
    await fireEvent.update(dialog.getByRole('textbox', { name: 'New category' }), 'places');
    await fireEvent.click(dialog.getByRole('button', { name: 'Add' }));
    expect(await dialog.findByText('places')).toBeTruthy();

    await fireEvent.click(dialog.getByRole('button', { name: 'Rename weather' }));
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Rename weather' }), 'sky');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await dialog.findByText('sky')).toBeTruthy();
    expect(sent(screen, 'GET', '/aliases?limit=1000')).toHaveLength(2);

    await fireEvent.click(dialog.getByRole('button', { name: 'Move outfit up' }));
    await vi.waitFor(() => expect(sent(screen, 'PUT', '/alias-categories/order')).toHaveLength(1));
    expect((sent(screen, 'PUT', '/alias-categories/order')[0]?.body as { ids: string[] }).ids.slice(0, 2)).toEqual([outfit.id, categoriesOf(library).items[0]?.id]);

    await fireEvent.click(dialog.getByRole('button', { name: 'Delete outfit' }));
    expect(await dialog.findByText('Category outfit still holds 5 aliases; move or delete them first')).toBeTruthy();
  });
});
