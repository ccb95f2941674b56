import type { Locator, Page } from 'playwright-core';

export interface NewAlias {
  name: string;
  category: string;
  text: string;
}

/** A-8 / T-8: the Prompts tab — the alias library and the tag browser. */
export class PromptLibraryPage {
  constructor(private readonly page: Page) {}

  async tab(name: 'My aliases' | 'Shared' | 'Tags'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Prompt library' }).getByRole('link', { name, exact: true }).click();
  }

  aliasRow(key: string): Locator {
    return this.page.getByRole('list', { name: 'Aliases' }).getByRole('button', { name: key, exact: true });
  }

  async createAlias({ name, category, text }: NewAlias): Promise<void> {
    await this.page.getByRole('button', { name: 'New alias' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New alias' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await dialog.getByLabel('Category (optional)').fill(category);
    await dialog.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens an alias in the editor and copies its `$token$`. */
  async copyToken(key: string): Promise<void> {
    await this.aliasRow(key).click();
    const editor = this.page.getByRole('dialog', { name: `Edit ${key}` });
    await editor.getByRole('button', { name: 'Copy token' }).click();
    await this.page.getByText('Copied', { exact: true }).waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
  }

  aliasSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search aliases' });
  }

  async searchTags(text: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Search tags' }).fill(text);
    return this.page.getByRole('list', { name: 'Tags' });
  }
}
