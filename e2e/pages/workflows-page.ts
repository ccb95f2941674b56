import type { Page } from 'playwright-core';

/** W-4: the workflow cards under Generate. */
export class WorkflowsPage {
  constructor(private readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search workflows' }).fill(text);
  }

  async open(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }
}
