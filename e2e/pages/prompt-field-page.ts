import type { Locator, Page } from 'playwright-core';

/** A-12 / T-5: one prompt field of a form with its autocomplete. */
export class PromptFieldPage {
  constructor(
    private readonly page: Page,
    private readonly label: string,
  ) {}

  field(): Locator {
    return this.page.getByRole('textbox', { name: this.label, exact: true });
  }

  suggestions(): Locator {
    return this.page.getByRole('listbox', { name: 'Suggestions' });
  }

  /** Types at the end of the text, key by key, as a person does. */
  async type(text: string): Promise<void> {
    await this.field().click();
    await this.field().press('End');
    await this.field().pressSequentially(text);
  }

  /** Picks a suggestion: a tap on touch screens, ↓ and Enter on a keyboard. */
  async choose(option: RegExp, by: 'touch' | 'keyboard'): Promise<void> {
    const wanted = this.suggestions().getByRole('option', { name: option });
    await wanted.waitFor();
    if (by === 'touch') {
      await wanted.tap();
    } else {
      const options = await this.suggestions().getByRole('option').allTextContents();
      const position = options.findIndex((text) => option.test(text));
      for (let step = 0; step < position; step += 1) await this.field().press('ArrowDown');
      await this.field().press('Enter');
    }
    await this.suggestions().waitFor({ state: 'detached' });
  }

  async openComposer(): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${this.label} in the composer` }).click();
    await this.page.getByRole('dialog', { name: 'Composer' }).waitFor();
  }
}
