import type { Locator, Page } from 'playwright-core';

/** P-1 … P-3: the presets dialog of a form. */
export class PresetsPage {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Presets for / });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Presets', exact: true }).click();
    await this.dialog().waitFor();
  }

  async save(name: string): Promise<void> {
    await this.dialog().getByLabel('Preset name').fill(name);
    await this.dialog().getByRole('button', { name: 'Save preset' }).click();
    await this.dialog().getByRole('button', { name: `Apply ${name}` }).waitFor();
  }

  async apply(name: string): Promise<void> {
    await this.dialog().getByRole('button', { name: `Apply ${name}` }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}
