import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const DIR = resolve(__dirname, '../screenshots');

/** Saves a screenshot for human review under e2e/screenshots (gitignored). */
export async function snap(page: Page, journey: string, step: string): Promise<void> {
  const dir = join(DIR, journey);
  mkdirSync(dir, { recursive: true });
  // From the top: a full-page capture of a scrolled page draws sticky bars in the middle.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}
