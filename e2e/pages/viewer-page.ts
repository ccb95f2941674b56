import type { Locator, Page } from 'playwright-core';

/** G-6 / G-7: the full-screen viewer with its details panel. */
export class ViewerPage {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Output \d+ of \d+$/ });
  }

  details(): Locator {
    return this.page.getByRole('complementary', { name: 'Details' });
  }

  async showDetails(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Details' }).click();
    await this.details().getByText('Workflow', { exact: true }).waitFor();
  }

  /** The job seed the details panel shows (J-11). */
  async seed(): Promise<string> {
    // The first "Seed" term is the job's; the values list below may name a seed field too.
    const value = this.details().getByText('Seed', { exact: true }).first().locator('xpath=following-sibling::dd[1]');
    return (await value.textContent())?.trim() ?? '';
  }

  downloadLink(): Locator {
    return this.dialog().getByRole('link', { name: 'Download' });
  }

  async remix(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Remix' }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async delete(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Delete' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Delete this output?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'detached' });
  }
}
