import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { categoriesOf } from '../../test/aliases';
import { library, openEditor, openLibrary, rainGear, sent } from '../../test/alias-library';
import { json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';

describe('A-8 renaming offers to rewrite the former token', () => {
  const renamedKit = { ...rainGear, name: 'rain_kit', key: 'outfit::rain_kit', revision: rainGear.revision + 1 };
  const found = { tokens: 3, presets: 1, memories: 1, aliases: 1 };

  async function rename(routes: Routes) {
    const screen = await openLibrary({
      [`GET /aliases/${rainGear.id}`]: () => json(200, { ...rainGear, revisions: [] }),
      [`PATCH /aliases/${rainGear.id}`]: () => json(200, renamedKit),
      ...routes,
    });
    const dialog = await openEditor(screen, 'outfit::rain_gear');
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Name' }), 'rain_kit');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    return { screen, dialog };
  }

  it('says where the former token is still written and rewrites it when asked', async () => {
    const { screen, dialog } = await rename({ 'POST /aliases/rewrite-references': () => json(200, found) });

    expect(await dialog.findByText('$outfit:rain_gear$ is still written in 1 preset(s), 1 remembered form(s), 1 other alias(es). Point them at $outfit:rain_kit$?')).toBeTruthy();
    await fireEvent.click(dialog.getByRole('button', { name: 'Rewrite 3 token(s)' }));

    expect(await screen.findByText('3 token(s) rewritten')).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit outfit::rain_gear' })).toBeNull());
    const renames = [{ id: rainGear.id, from: 'outfit::rain_gear' }];
    expect(sent(screen, 'POST', '/aliases/rewrite-references').map((request) => request.body)).toEqual([
      { renames, dryRun: true },
      { renames, dryRun: false },
    ]);
    expect(sent(screen, 'GET', '/aliases?limit=1000')).toHaveLength(2);
  });

  it('leaves them when asked', async () => {
    const { screen, dialog } = await rename({ 'POST /aliases/rewrite-references': () => json(200, found) });
    await fireEvent.click(await dialog.findByRole('button', { name: 'Leave them' }));
    expect(screen.queryByRole('dialog', { name: 'Edit outfit::rain_gear' })).toBeNull();
    expect(sent(screen, 'POST', '/aliases/rewrite-references')).toHaveLength(1);
  });

  it('asks nothing when the former token is written nowhere', async () => {
    const unused = await rename({ 'POST /aliases/rewrite-references': () => json(200, { tokens: 0, presets: 0, memories: 0, aliases: 0 }) });
    expect(await unused.screen.findByText('Alias outfit::rain_kit saved')).toBeTruthy();
    await vi.waitFor(() => expect(unused.screen.queryByRole('dialog', { name: 'Edit outfit::rain_gear' })).toBeNull());
    expect(sent(unused.screen, 'POST', '/aliases/rewrite-references')).toHaveLength(1);
  });
});

describe('A-8 renaming a category offers the same', () => {
  it('counts the tokens of every alias in it and rewrites them when asked', async () => {
    const outfit = categoriesOf(library).items.find((entry) => entry.name === 'outfit');
    if (!outfit) throw new Error('fixture category missing');
    const screen = await openLibrary({
      [`PATCH /alias-categories/${outfit.id}`]: () => json(200, { ...outfit, name: 'wear' }),
      'POST /aliases/rewrite-references': () => json(200, { tokens: 4, presets: 2, memories: 0, aliases: 0 }),
    });

    await fireEvent.click(screen.getByRole('button', { name: 'Categories' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Categories' }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Rename outfit' }));
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Rename outfit' }), 'wear');
    await fireEvent.click(dialog.getByRole('button', { name: 'Save' }));

    expect(await dialog.findByText('$outfit:…$ is still written in 2 preset(s). Point them at $wear:…$?')).toBeTruthy();
    const asked = sent(screen, 'POST', '/aliases/rewrite-references')[0]?.body as { renames: { from: string }[]; dryRun: boolean };
    expect(asked.dryRun).toBe(true);
    expect(asked.renames.map((rename) => rename.from).sort()).toEqual(library.filter((entry) => entry.category === 'outfit').map((entry) => entry.key).sort());

    await fireEvent.click(dialog.getByRole('button', { name: 'Rewrite 4 token(s)' }));
    expect(await screen.findByText('4 token(s) rewritten')).toBeTruthy();
    await vi.waitFor(() => expect(dialog.queryByText(/is still written in/)).toBeNull());
  });
});
