import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { Tag } from '@app/shared/contracts/api/tags';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { expandPrompt } from '@app/shared/prompt/expand-prompt';
import { alias, aliasPage, fixtureAliases } from '../../test/aliases';
import { json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { storedPreferences } from '../../test/sessions';
import { tagPage, tags } from '../../test/tags';
import { openForm } from '../../test/workflow-form';
import type { FormScreen } from '../../test/workflow-form';
import { fluxSchema } from '../../test/workflows';

/** Answers `GET /tags?q=<q>&limit=10` (T-5's request) with `items`. */
function tagSearch(q: string, items: Tag[]): Routes {
  return { [`GET /tags?${new URLSearchParams({ q, limit: '10' }).toString()}`]: () => json(200, tagPage(items)) };
}

async function openFlux(routes: Routes = {}) {
  return openForm(fluxSchema(), { 'GET /aliases?limit=1000': () => json(200, aliasPage(fixtureAliases())), ...routes });
}

function prompt(screen: FormScreen): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: 'Prompt' }) as HTMLTextAreaElement;
}

/** Types `text` with the caret at `caret` (the end by default), as the browser reports an input. */
async function typeAt(field: HTMLTextAreaElement | HTMLInputElement, text: string, caret = text.length): Promise<void> {
  field.value = text;
  field.setSelectionRange(caret, caret);
  await fireEvent.input(field);
}

/** Each option's pieces of text, space-separated. */
function optionTexts(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('option')
    .map((option) =>
      [...option.querySelectorAll('*')]
        .filter((element) => element.children.length === 0)
        .map((element) => element.textContent?.trim() ?? '')
        .join(' '),
    );
}

describe('A-12 alias autocomplete in a prompt field', () => {
  it('lists aliases after $, moves with ↓, inserts $category:name$ with Enter and puts the caret after it', async () => {
    const screen = await openFlux();
    const field = prompt(screen);

    await typeAt(field, 'castle, $neon');
    const list = await screen.findByRole('listbox', { name: 'Suggestions' });
    expect(optionTexts(list).map((text) => text.split(' ')[0])).toEqual(['$prompts:neon_samurai$', '$lighting:neon:pink$', '$lighting:neon_night$']);
    expect(field.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]?.id);

    await fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(within(list).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(field, { key: 'Enter' });

    expect(field.value).toBe('castle, $lighting:neon:pink$');
    expect(field.selectionStart).toBe(field.value.length);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('replaces the token under a caret in the middle of the text, with Tab too', async () => {
    const screen = await openFlux();
    const field = prompt(screen);

    await typeAt(field, 'a $outfit:w, rain', 'a $outfit:w'.length);
    await screen.findByRole('listbox');
    await fireEvent.keyDown(field, { key: 'Tab' });

    expect(field.value).toBe('a $outfit:winter-coat$, rain');
    expect(field.selectionStart).toBe('a $outfit:winter-coat$'.length);
  });

  it('takes a tap on a suggestion (touch), and lists the used alias first next time', async () => {
    const screen = await openFlux();
    const field = prompt(screen);

    await typeAt(field, '$knight');
    await fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: /winter_knight/ }));
    expect(field.value).toBe('$prompts:winter_knight$');

    await typeAt(field, '$');
    expect(optionTexts(await screen.findByRole('listbox'))[0]).toMatch(/^\$prompts:winter_knight\$/);
  });

  it('closes on Escape without changing the text, and ↑ wraps to the last suggestion', async () => {
    const screen = await openFlux();
    const field = prompt(screen);

    await typeAt(field, '$neon');
    const list = await screen.findByRole('listbox');
    await fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(within(list).getAllByRole('option')[2]?.getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(field, { key: 'Escape' });

    expect(screen.queryByRole('listbox')).toBeNull();
    expect(field.value).toBe('$neon');
  });
});

describe('T-5 / T-6 tag autocomplete', () => {
  const longHair = tags('long_hair', 'long_sleeves', 'very_long_hair');

  it('suggests from two characters of the tag under the caret, with category colour and compact count', async () => {
    const screen = await openFlux(tagSearch('lo', longHair));
    const field = prompt(screen);

    await typeAt(field, 'l');
    await typeAt(field, '1girl, lo');
    const list = await screen.findByRole('listbox');

    expect(optionTexts(list)).toEqual(['long_hair general 4.4m', 'long_sleeves general 1.6m', 'very_long_hair general 952.2k']);
    expect(within(list).getByText('long_hair').getAttribute('style')).toContain('var(--color-tag-general)');
    expect(screen.api.seen.filter((seen) => seen.path.startsWith('/tags?')).map((seen) => seen.path)).toEqual(['/tags?q=lo&limit=10']);
  });

  it('shows the alias a search matched, and inserts the tag with ", " after it', async () => {
    const [tag] = tags('long_hair');
    const screen = await openFlux(tagSearch('longh', tag ? [{ ...tag, matchedAlias: 'longhair' }] : []));
    const field = prompt(screen);

    await typeAt(field, '1girl, longh');
    const list = await screen.findByRole('listbox');
    expect(optionTexts(list)).toEqual(['longhair → long_hair general 4.4m']);
    await fireEvent.keyDown(field, { key: 'Enter' });

    expect(field.value).toBe('1girl, long_hair, ');
    expect(field.selectionStart).toBe(field.value.length);
  });

  it('completes inside a weight without adding a separator', async () => {
    const screen = await openFlux(tagSearch('long ha', longHair));
    const field = prompt(screen);

    await typeAt(field, 'smile, (long ha:1.2), solo', 'smile, (long ha'.length);
    await fireEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: /^long_hair/ }));

    expect(field.value).toBe('smile, (long_hair:1.2), solo');
  });

  it('escapes parentheses, since ComfyUI reads them as weights', async () => {
    const screen = await openFlux(tagSearch('star', tags('star_(symbol)')));
    const field = prompt(screen);

    await typeAt(field, 'night sky, star');
    await screen.findByRole('listbox');
    await fireEvent.keyDown(field, { key: 'Enter' });

    expect(field.value).toBe('night sky, star_\\(symbol\\), ');
  });

  it('U-8 writes spaces for underscores when the profile says so', async () => {
    const screen = await openFlux({ ...tagSearch('very', longHair.slice(2)), ...storedPreferences({ theme: 'dark', tagSpaces: true }) });
    const field = prompt(screen);

    await typeAt(field, 'very');
    await screen.findByRole('listbox');
    await fireEvent.keyDown(field, { key: 'Enter' });

    expect(field.value).toBe('very long hair, ');
  });
});

describe('T-7 advisory tag check', () => {
  it('marks unknown tags with suggestions; a tap puts one in place, and Generate still works', async () => {
    const text = '1girl, lnog_hair, long-hair';
    const screen = await openFlux({
      'POST /tags/validate': () =>
        json(200, {
          unknown: [
            { tag: 'lnog_hair', start: 7, end: 16, suggestions: [] },
            { tag: 'long-hair', start: 18, end: 27, suggestions: ['long_hair', 'very_long_hair'] },
          ],
        }),
    });
    const field = prompt(screen);

    await typeAt(field, text);
    expect(await screen.findByText('Not in the tag list (a hint only)', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('no similar tags')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Replace long-hair with long_hair' }));

    expect(field.value).toBe('1girl, lnog_hair, long_hair');
    expect(screen.api.seen.find((seen) => seen.path === '/tags/validate')?.body).toEqual({ text });
    expect((screen.getByRole('button', { name: 'Generate' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('A-12 live preview', () => {
  it('counts wildcard combinations and re-rolls the preview with another seed, the form’s seed untouched', async () => {
    const text = '{red|green|blue} {fox|cat}, $outfit:rain_gear$';
    const screen = await openFlux();
    const field = prompt(screen);
    const index = buildAliasIndex(fixtureAliases());
    const preview = (seed: number) => expandPrompt(text, index, { seed, fieldKey: 'Prompt' }).text;

    await typeAt(field, text);
    expect(await screen.findByText(preview(1234))).toBeTruthy();
    expect(screen.getByText('6 wildcard combinations')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Re-roll' }));

    expect(screen.getByText(preview(1235))).toBeTruthy();
    expect(screen.getByText('Preview seed 1235')).toBeTruthy();
    expect((screen.getByRole('spinbutton', { name: 'Seed' }) as HTMLInputElement).value).toBe('1234');
  });

  it('flags unknown, ambiguous and cyclic tokens', async () => {
    const screen = await openFlux({
      'GET /aliases?limit=1000': () =>
        json(
          200,
          aliasPage([alias('fruit', 'cherry', 'red fruit'), alias('color', 'cherry', 'deep red'), alias(null, 'ping', '$pong$'), alias(null, 'pong', '$ping$')]),
        ),
    });

    await typeAt(prompt(screen), '$nope$, $cherry$, $ping$');

    expect(await screen.findByText('$cherry$ could mean color::cherry, fruit::cherry: write the category too.')).toBeTruthy();
    expect(screen.getByText('Unknown alias $nope$: it stays as written.')).toBeTruthy();
    expect(screen.getByText(/^Aliases refer to each other in a loop at/)).toBeTruthy();
  });
});
