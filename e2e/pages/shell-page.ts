import type { Locator, Page } from 'playwright-core';

export type Screen = 'Generate' | 'Queue' | 'Gallery' | 'Prompts' | 'Profile';

/** The app shell: main navigation (bottom tabs on phones, side column from 768 px), indicator, log out. */
export class ShellPage {
  constructor(private readonly page: Page) {}

  navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async go(screen: Screen): Promise<void> {
    await this.navigation().getByRole('link', { name: screen, exact: true }).click();
    await this.page.getByRole('heading', { name: screen, level: 1 }).waitFor();
  }

  /** J-7: the app bar's count of jobs waiting or running. */
  runningJobs(): Locator {
    return this.page.getByRole('link', { name: /job\(s\) waiting or running/ });
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log out' }).click();
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  /** N-10: nothing wider than the screen. */
  async horizontalOverflow(): Promise<number> {
    // A string: this project's Node type-check has no DOM types; the browser evaluates it.
    const overflow: unknown = await this.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (typeof overflow !== 'number') throw new Error('the page did not report its width');
    return overflow;
  }
}
