import type { Locator, Page } from 'playwright-core';

/** G-1 / G-6: the user's outputs, newest first. */
export class GalleryPage {
  constructor(private readonly page: Page) {}

  tiles(): Locator {
    return this.page.getByRole('button', { name: /^Open the .+ output of / });
  }

  empty(): Locator {
    return this.page.getByText('No outputs yet. Everything you generate shows up here.');
  }

  async filterBy(workflow: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Workflow' }).selectOption({ label: workflow });
  }

  async open(position: number): Promise<void> {
    await this.tiles().nth(position).click();
  }
}
