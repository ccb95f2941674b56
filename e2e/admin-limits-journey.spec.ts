import type { Browser } from 'playwright-core';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { launchBrowser, newPage, SMALL_PHONE } from './support/browser';
import { E2E_ADMIN } from './support/env';
import { snap } from './support/screenshots';

/** Admin → Limits on the smallest phone: nothing wider than the screen, every control a thumb's size. */
describe('admin run limits on a small phone (360 px)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows the caps in 360 px with 44 px targets, saves a change and puts the defaults back',
    async () => {
      const { context, page } = await newPage(browser, SMALL_PHONE);
      page.setDefaultTimeout(30_000);
      const login = new LoginPage(page);
      await login.open('/admin/limits');
      await login.signIn(E2E_ADMIN);
      await page.getByRole('heading', { name: 'Limits', level: 1 }).waitFor();
      const batch = page.getByRole('spinbutton', { name: 'Images per run' });
      expect(await batch.inputValue()).toBe('16');

      expect(await new ShellPage(page).horizontalOverflow()).toBe(0);
      const targets = page.locator('main').locator('button:visible, input:visible, a:visible');
      const heights = await Promise.all((await targets.all()).map(async (target) => [await target.getAttribute('aria-label') ?? (await target.textContent())?.trim(), (await target.boundingBox())?.height ?? 0] as const));
      expect(heights.filter(([, height]) => height < 44)).toEqual([]);
      await snap(page, 'admin-limits-360', '01-limits');

      await batch.fill('24');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Limits saved').waitFor();
      await page.reload();
      expect(await page.getByRole('spinbutton', { name: 'Images per run' }).inputValue()).toBe('24');

      await page.getByRole('button', { name: 'Use the defaults' }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Limits saved').waitFor();
      expect(await page.getByRole('spinbutton', { name: 'Images per run' }).inputValue()).toBe('16');
      await context.close();
    },
    120_000,
  );
});
