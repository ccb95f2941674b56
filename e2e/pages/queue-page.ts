import type { Locator, Page } from 'playwright-core';

/** J-7: the user's own jobs. */
export class QueuePage {
  constructor(private readonly page: Page) {}

  jobs(): Locator {
    return this.page.getByRole('link', { name: /./ }).filter({ has: this.page.getByText(/Waiting|Running|Done|Failed|Cancelled|Sent to backend|Saving outputs/) });
  }

  empty(): Locator {
    return this.page.getByText('No jobs yet. Pick a workflow under Generate.');
  }
}
