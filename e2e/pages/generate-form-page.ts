import type { Locator, Page } from 'playwright-core';

/** J-1: a workflow's generated form with Generate in the thumb zone. */
export class GenerateFormPage {
  constructor(private readonly page: Page) {}

  text(label: string): Locator {
    return this.page.getByRole('textbox', { name: label, exact: true });
  }

  number(label: string): Locator {
    return this.page.getByRole('spinbutton', { name: label, exact: true });
  }

  switchFor(label: string): Locator {
    return this.page.getByRole('switch', { name: label, exact: true });
  }

  choice(label: string): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** The expansion preview under a prompt. */
  expansion(): Locator {
    return this.page.getByText('Expands to');
  }

  generateButton(): Locator {
    return this.page.getByRole('button', { name: 'Generate', exact: true });
  }

  /** Submits one run and lands on its result page. */
  async generate(): Promise<void> {
    await this.generateButton().click();
    await this.page.getByRole('link', { name: '← Queue' }).waitFor();
  }
}
