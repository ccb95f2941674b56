import type { Locator, Page } from 'playwright-core';

/** J-13: one job, live, then its outputs. */
export class JobPage {
  constructor(private readonly page: Page) {}

  progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  /** The line under the progress bar: node name and step. */
  progressText(): Locator {
    return this.page.getByText(/step \d+ of \d+/);
  }

  preview(): Locator {
    return this.page.getByRole('img', { name: /^Latest preview of/ });
  }

  status(text: string): Locator {
    return this.page.getByText(text, { exact: true });
  }

  output(position: number): Locator {
    return this.page.getByRole('button', { name: `Open output ${position}` });
  }

  /** Waits for the job to end with outputs; returns how many. */
  async waitForOutputs(): Promise<number> {
    await this.status('Done').waitFor();
    await this.output(1).waitFor();
    return this.page.getByRole('button', { name: /^Open output \d+$/ }).count();
  }
}
