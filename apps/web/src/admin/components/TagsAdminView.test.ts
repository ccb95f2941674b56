import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { TagCategoryList, TagImportReport } from '@app/shared/contracts/api/tags';
import { deferred, errorBody, fakeApi, inTurn, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { adminView } from '../../test/users';
import { useTagsStore } from '../../prompts/stores/tagsStore';

const LOADED_AT = Date.UTC(2025, 5, 1, 12, 0, 0);

const shipped: TagCategoryList = {
  items: [
    { category: 'artist', count: 59_201 },
    { category: 'character', count: 40_931 },
    { category: 'general', count: 30_782 },
  ],
  total: 140_782,
  list: { source: 'danbooru.csv (shipped)', format: 'csv', loadedAt: LOADED_AT },
};

const mine: TagCategoryList = {
  items: [
    { category: 'clothing', count: 2 },
    { category: 'fandom', count: 1 },
  ],
  total: 3,
  list: { source: 'danbooru_tags.md', format: 'cozygen-markdown', loadedAt: LOADED_AT + 60_000 },
};

async function openTags(routes: Routes = {}) {
  const api = fakeApi({
    ...signedInAs(adminView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    'GET /tags/categories': () => json(200, shipped),
    ...routes,
  });
  const screen = await renderApp('/admin/tags');
  await screen.findByText('danbooru.csv (shipped)');
  return { ...screen, api };
}

type Screen = Awaited<ReturnType<typeof openTags>>;

async function chooseAndConfirm(screen: Screen, file: File): Promise<void> {
  await fireEvent.change(screen.getByLabelText('Choose a CSV or .md file'), { target: { files: [file] } });
  const dialog = within(await screen.findByRole('dialog', { name: 'Replace the tag list for everyone?' }));
  expect(dialog.getByText(/replaces the current list for everyone/).textContent).toContain(file.name);
  await fireEvent.click(dialog.getByRole('button', { name: 'Replace for everyone' }));
}

describe('T-1/T-2 the admin Tags tab', () => {
  it('shows the list being served: source, format, size, when it was loaded, and its categories with counts', async () => {
    const screen = await openTags();

    expect(screen.getByRole('link', { name: 'Tags' }).className).toContain('tab-links__tab--current');
    const facts = screen.getByText('danbooru.csv (shipped)').closest('dl') as HTMLElement;
    expect([...facts.querySelectorAll('dt, dd')].map((cell) => cell.textContent?.trim())).toEqual([
      'Source',
      'danbooru.csv (shipped)',
      'Format',
      'CSV',
      'Tags',
      '140,782',
      'Loaded',
      expect.stringMatching(/2025/),
    ]);
    const categories = within(screen.getByRole('list', { name: 'Categories' }));
    expect(categories.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['artist 59,201', 'character 40,931', 'general 30,782']);
  });

  it('imports a file after the confirmation, moves a progress bar with the socket’s events, then shows the report and the new list', async () => {
    const answer = deferred<Response>();
    const report: TagImportReport = { source: 'danbooru_tags.md', format: 'cozygen-markdown', loaded: 3, skipped: [{ line: 7, reason: 'repeats scarf from line 3' }] };
    const screen = await openTags({
      'GET /tags/categories': inTurn(
        () => json(200, shipped),
        () => json(200, mine),
      ),
      'POST /admin/tags/import': () => answer.promise,
      'GET /tags?q=scarf&limit=10': () => json(200, { items: [], nextCursor: null }),
    });
    const tags = useTagsStore();
    await tags.suggest('scarf');
    // Progress of an import this screen did not start (another tab) moves nothing.
    screen.socket.emit('tags.import.progress', { phase: 'loading', loaded: 10, total: 20 });
    expect(screen.queryByRole('progressbar')).toBeNull();

    const file = new File(['## clothing_accessories (2)\n'], 'danbooru_tags.md', { type: 'text/markdown' });
    await chooseAndConfirm(screen, file);

    const bar = await screen.findByRole('progressbar', { name: 'Importing danbooru_tags.md' });
    const phase = screen.getByText('Sending danbooru_tags.md…');
    expect([phase.getAttribute('role'), phase.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect((screen.getByLabelText('Choose a CSV or .md file') as HTMLInputElement).disabled).toBe(true);
    const sent = screen.api.seen.find((seen) => seen.method === 'POST' && seen.path === '/admin/tags/import')?.body;
    expect(sent instanceof FormData && (sent.get('file') as File).name).toBe('danbooru_tags.md');

    screen.socket.emit('tags.import.progress', { phase: 'reading', loaded: 0, total: null });
    expect(await screen.findByText('Reading and checking danbooru_tags.md…')).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBeNull();

    screen.socket.emit('tags.import.progress', { phase: 'loading', loaded: 49_000, total: 140_782 });
    expect(await screen.findByText('Writing the tags of danbooru_tags.md…')).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBe('35');
    expect(screen.getByText('49,000 of 140,782 tags')).toBeTruthy();

    screen.socket.emit('tags.import.progress', { phase: 'removing-old', loaded: 140_782, total: 140_782 });
    expect(await screen.findByText('The new list is in use. Removing the previous one…')).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBe('100');

    answer.resolve(json(200, report));

    const done = await screen.findByText('3 tags loaded from danbooru_tags.md. The new list is in use.');
    const alert = within(done.closest('[role="status"]') as HTMLElement);
    expect(alert.getByText('1 line(s) skipped:')).toBeTruthy();
    expect(alert.getByText('Line 7: repeats scarf from line 3')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await screen.findByText('CozyGen danbooru_tags.md')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Categories' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['clothing 2', 'fandom 1']);
    // Autocomplete answers of the old list are forgotten once the server says another list is served.
    screen.socket.emit('tags.list.changed', { source: 'danbooru_tags.md' });
    await tags.suggest('scarf');
    expect(screen.api.seen.filter((seen) => seen.path === '/tags?q=scarf&limit=10')).toHaveLength(2);
  });

  it('lists every bad line of a refused file, and the current list stays', async () => {
    const screen = await openTags({
      'POST /admin/tags/import': () =>
        errorBody(400, 'The tag list has 2 bad lines; nothing was changed', [
          { field: 'file.line.2', message: 'line 2: unknown danbooru category 2' },
          { field: 'file.line.3', message: 'line 3: unbalanced quotes' },
        ]),
    });

    await chooseAndConfirm(screen, new File(['good_tag,0,5,\nbad,2,5,\n"open,0,1\n'], 'bad.csv', { type: 'text/csv' }));

    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('bad.csv was not imported')).toBeTruthy();
    expect(alert.getByText('The tag list has 2 bad lines; nothing was changed')).toBeTruthy();
    expect(alert.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Line 2: unknown danbooru category 2', 'Line 3: unbalanced quotes']);
    expect(screen.getByText('danbooru.csv (shipped)')).toBeTruthy();
    expect((screen.getByLabelText('Choose a CSV or .md file') as HTMLInputElement).disabled).toBe(false);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const screen = await openTags();

    await fireEvent.change(screen.getByLabelText('Choose a CSV or .md file'), { target: { files: [new File(['x,0,1,\n'], 'tags.csv')] } });
    await fireEvent.click(within(await screen.findByRole('dialog', { name: 'Replace the tag list for everyone?' })).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.api.seen.some((seen) => seen.method === 'POST' && seen.path === '/admin/tags/import')).toBe(false);
  });
});
