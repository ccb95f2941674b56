import { fireEvent, within } from '@testing-library/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliasPage, fixtureAliases } from '../../test/aliases';
import { fakeClipboard } from '../../test/clipboard';
import { json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { tagPage, tags } from '../../test/tags';
import { openForm } from '../../test/workflow-form';
import type { FormScreen } from '../../test/workflow-form';
import { fluxSchema } from '../../test/workflows';

const START = '1girl, (smile:1.2), $outfit:rain_gear$, /* hat */';

async function openComposer(text = START, routes: Routes = {}) {
  const screen = await openForm(fluxSchema(), { 'GET /aliases?limit=1000': () => json(200, aliasPage(fixtureAliases())), ...routes });
  await fireEvent.update(screen.getByRole('textbox', { name: 'Prompt' }), text);
  await fireEvent.click(screen.getByRole('button', { name: 'Open Prompt in the composer' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Composer' }));
  return { screen, dialog };
}

type Dialog = Awaited<ReturnType<typeof openComposer>>['dialog'];

function composerText(dialog: Dialog): string {
  return (dialog.getByRole('textbox', { name: 'Prompt text' }) as HTMLTextAreaElement).value;
}

function chips(dialog: Dialog): HTMLElement[] {
  return within(dialog.getByRole('list', { name: 'Elements' })).getAllByRole('button');
}

function chip(dialog: Dialog, number: number): HTMLElement {
  const found = chips(dialog)[number - 1];
  if (!found) throw new Error(`no chip ${number}`);
  return found;
}

function promptValue(screen: FormScreen, label = 'Prompt'): string {
  return (screen.getByRole('textbox', { name: label }) as HTMLTextAreaElement).value;
}

afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'elementFromPoint');
});

describe('C-1 / C-2 the prompt as numbered chips', () => {
  it('shows each element with its number, aliases marked $, weights as 1.2×, turned-off ones marked', async () => {
    const { dialog } = await openComposer();

    expect(chips(dialog).map((button) => button.getAttribute('aria-label'))).toEqual([
      'Element 1, 1girl',
      'Element 2, smile, weight 1.2',
      'Element 3, alias outfit:rain_gear',
      'Element 4, hat, turned off',
    ]);
    expect(chip(dialog, 2).textContent).toContain('1.2×');
    expect(chip(dialog, 3).textContent).toContain('$');
  });

  it('follows edits of the text live', async () => {
    const { dialog } = await openComposer();

    await fireEvent.update(dialog.getByRole('textbox', { name: 'Prompt text' }), 'a, b');
    expect(chips(dialog).map((button) => button.getAttribute('aria-label'))).toEqual(['Element 1, a', 'Element 2, b']);
  });
});

describe('C-3 weights', () => {
  it('−/+ by 0.05, typed values with two decimals at most, Reset drops the wrapper', async () => {
    const { dialog } = await openComposer();

    await fireEvent.click(chip(dialog, 1));
    await fireEvent.click(dialog.getByRole('button', { name: 'Increase Weight' }));
    expect(composerText(dialog)).toBe('(1girl:1.05), (smile:1.2), $outfit:rain_gear$, /* hat */');
    expect(chip(dialog, 1).textContent).toContain('1.05×');

    await fireEvent.update(dialog.getByRole('spinbutton', { name: 'Weight' }), '1.254');
    expect(composerText(dialog)).toBe('(1girl:1.25), (smile:1.2), $outfit:rain_gear$, /* hat */');
    expect((dialog.getByRole('slider', { name: 'Weight (slider)' }) as HTMLInputElement).min).toBe('0.2');

    await fireEvent.click(dialog.getByRole('button', { name: 'Reset to 1' }));
    expect(composerText(dialog)).toBe(START);
  });

  it('an alias keeps its token inside the weight', async () => {
    const { dialog } = await openComposer();

    await fireEvent.click(chip(dialog, 3));
    await fireEvent.click(dialog.getByRole('button', { name: 'Decrease Weight' }));

    expect(composerText(dialog)).toBe('1girl, (smile:1.2), ($outfit:rain_gear$:0.95), /* hat */');
  });
});

describe('C-4 toggle and replace', () => {
  it('turns an element off as a comment and on again; replacing keeps the place and the weight', async () => {
    const { dialog } = await openComposer();

    await fireEvent.click(chip(dialog, 1));
    await fireEvent.click(dialog.getByRole('button', { name: 'Turn off' }));
    expect(composerText(dialog)).toBe('/* 1girl */, (smile:1.2), $outfit:rain_gear$, /* hat */');
    await fireEvent.click(dialog.getByRole('button', { name: 'Turn on' }));
    expect(composerText(dialog)).toBe(START);

    await fireEvent.click(chip(dialog, 2));
    await fireEvent.update(dialog.getByRole('textbox', { name: 'Replace with' }), 'grin');
    await fireEvent.click(dialog.getByRole('button', { name: 'Replace' }));
    expect(composerText(dialog)).toBe('1girl, (grin:1.2), $outfit:rain_gear$, /* hat */');

    await fireEvent.click(dialog.getByRole('button', { name: 'Remove' }));
    expect(composerText(dialog)).toBe('1girl, $outfit:rain_gear$, /* hat */');
  });
});

describe('C-2 reordering', () => {
  it('moves the selected chip with the buttons, keeping the separators', async () => {
    const { dialog } = await openComposer('a, b\nc');

    await fireEvent.click(chip(dialog, 1));
    await fireEvent.click(dialog.getByRole('button', { name: 'Move later' }));
    expect(composerText(dialog)).toBe('b, a\nc');
    expect(chip(dialog, 2).getAttribute('aria-pressed')).toBe('true');
  });

  it('a finger held 240 ms picks a chip up and drops it on another', async () => {
    const { dialog } = await openComposer('a, b, c, d');
    const target = chip(dialog, 4);
    Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: () => target });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await fireEvent.pointerDown(chip(dialog, 1), { pointerType: 'touch', clientX: 10, clientY: 10, button: 0 });
    vi.advanceTimersByTime(240);
    await fireEvent.pointerMove(window, { pointerType: 'touch', clientX: 200, clientY: 10 });
    await fireEvent.pointerUp(window, { pointerType: 'touch', clientX: 200, clientY: 10 });

    expect(composerText(dialog)).toBe('b, c, d, a');
  });

  it('a finger that moves before 240 ms scrolls instead of dragging', async () => {
    const { dialog } = await openComposer('a, b, c, d');
    const target = chip(dialog, 4);
    Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: () => target });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await fireEvent.pointerDown(chip(dialog, 1), { pointerType: 'touch', clientX: 10, clientY: 10, button: 0 });
    await fireEvent.pointerMove(window, { pointerType: 'touch', clientX: 10, clientY: 30 });
    vi.advanceTimersByTime(240);
    await fireEvent.pointerMove(window, { pointerType: 'touch', clientX: 200, clientY: 30 });
    await fireEvent.pointerUp(window, { pointerType: 'touch', clientX: 200, clientY: 30 });

    expect(composerText(dialog)).toBe('a, b, c, d');
  });

  it('a mouse drags at once', async () => {
    const { dialog } = await openComposer('a, b, c, d');
    const target = chip(dialog, 2);
    Object.defineProperty(document, 'elementFromPoint', { configurable: true, value: () => target });

    await fireEvent.pointerDown(chip(dialog, 4), { pointerType: 'mouse', clientX: 300, clientY: 10, button: 0 });
    await fireEvent.pointerMove(window, { pointerType: 'mouse', clientX: 100, clientY: 10 });
    await fireEvent.pointerUp(window, { pointerType: 'mouse', clientX: 100, clientY: 10 });

    expect(composerText(dialog)).toBe('a, d, b, c');
  });
});

describe('C-5 inserting aliases and tags', () => {
  it('ticks several aliases and inserts their tokens after the selected chip', async () => {
    const { dialog } = await openComposer();

    await fireEvent.click(chip(dialog, 1));
    expect(dialog.getByText('Inserted after element 1.')).toBeTruthy();
    await fireEvent.click(dialog.getByRole('checkbox', { name: /^knight_girl/ }));
    await fireEvent.click(dialog.getByRole('checkbox', { name: /^moonlit/ }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Insert (2)' }));

    expect(composerText(dialog)).toBe('1girl, $character:knight_girl$, $lighting:moonlit$, (smile:1.2), $outfit:rain_gear$, /* hat */');
  });

  it('inserts at the caret when no chip is selected', async () => {
    const { dialog } = await openComposer('a, b');
    const text = dialog.getByRole('textbox', { name: 'Prompt text' }) as HTMLTextAreaElement;
    text.setSelectionRange(1, 1);
    await fireEvent.click(text);

    await fireEvent.click(dialog.getByRole('checkbox', { name: /^quality_boost/ }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Insert (1)' }));

    expect(composerText(dialog)).toBe('a, $quality_boost$, b');
  });

  it('collects tags in the Tags tab and inserts them written as prompts want them', async () => {
    const { dialog } = await openComposer('a', {
      'GET /tags/categories': () => json(200, { items: [{ category: 'general', count: 100 }], total: 100, list: null }),
      'GET /tags?q=&sort=count&limit=50': () => json(200, tagPage(tags('long_hair', 'star_(symbol)'))),
    });

    await fireEvent.click(dialog.getByRole('tab', { name: 'Tags' }));
    await fireEvent.click(await dialog.findByRole('button', { name: /^star_\(symbol\)/ }));
    await fireEvent.click(dialog.getByRole('button', { name: /^long_hair/ }));
    await fireEvent.click(dialog.getByRole('button', { name: 'Insert (2)' }));

    expect(composerText(dialog)).toBe('a, star_\\(symbol\\), long_hair');
    expect(dialog.getByText('Nothing collected yet.')).toBeTruthy();
  });
});

describe('C-5 apply or copy', () => {
  it('applies the text to any text field of the form and closes', async () => {
    const { screen, dialog } = await openComposer();

    await fireEvent.click(chip(dialog, 4));
    await fireEvent.click(dialog.getByRole('button', { name: 'Turn on' }));
    await fireEvent.update(dialog.getByRole('combobox', { name: 'Apply to' }), 'Filename Prefix');
    await fireEvent.click(dialog.getByRole('button', { name: 'Apply' }));

    expect(screen.queryByRole('dialog', { name: 'Composer' })).toBeNull();
    expect(promptValue(screen, 'Filename Prefix')).toBe('1girl, (smile:1.2), $outfit:rain_gear$, hat');
    expect(promptValue(screen)).toBe(START);
  });

  it('copies the text', async () => {
    const writeText = fakeClipboard();
    const { screen, dialog } = await openComposer();

    await fireEvent.click(dialog.getByRole('button', { name: 'Copy' }));

    expect(writeText).toHaveBeenCalledWith(START);
    expect(await screen.findByText('Copied')).toBeTruthy();
  });
});
