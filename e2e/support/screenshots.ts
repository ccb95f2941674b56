import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const DIR = resolve(__dirname, '../screenshots');

/** Saves a screenshot for human review under e2e/screenshots (gitignored). */
export async function snap(page: Page, journey: string, step: string): Promise<void> {
  const dir = join(DIR, journey);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${step}.png`), fullPage: true });
}
