import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { launchBrowser, newPage, PHONE, SMALL_PHONE } from './support/browser';
import { snap } from './support/screenshots';
import { createMember } from './support/users';

describe.each([
  ['phone', PHONE],
  ['small phone (360 px)', SMALL_PHONE],
] as const)('U-2 signing in and out on a %s', (device, viewport) => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'log in, see the shell with every screen a tap away and nothing wider than the screen, log out',
    async () => {
      const member = await createMember('shell');
      const { context, page } = await newPage(browser, viewport);
      page.setDefaultTimeout(30_000);
      const journey = `shell-${device.split(' ')[0]}-${viewport.viewport.width}`;
      const shell = new ShellPage(page);

      const login = new LoginPage(page);
      await login.open('/gallery');
      await snap(page, journey, '01-sign-in');
      await login.signIn(member);
      await page.getByRole('heading', { name: 'Gallery', level: 1 }).waitFor();

      const tabs = await shell.navigation().getByRole('link').allTextContents();
      expect(tabs.map((text) => text.trim())).toEqual(['Generate', 'Queue', 'Gallery', 'Prompts', 'Profile']);
      for (const screen of ['Generate', 'Queue', 'Gallery', 'Prompts', 'Profile'] as const) {
        await shell.go(screen);
        expect(await shell.horizontalOverflow()).toBe(0);
        await snap(page, journey, `02-${screen.toLowerCase()}`);
      }

      await shell.logOut();
      await snap(page, journey, '03-signed-out');
      await context.close();
    },
    120_000,
  );
});
