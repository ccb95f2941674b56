import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import type { DESKTOP, PHONE, SMALL_PHONE } from './browser';
import { createMember, type Member } from './users';

export interface Journey {
  page(): Page;
  member(): Member;
}

/**
 * The set-up every device journey shares: before its tests, a new member (with whatever `prepare`
 * gives them) and a browser page at the device's size; after them, both closed.
 */
export function journeyOn(device: typeof PHONE | typeof SMALL_PHONE | typeof DESKTOP, memberName: string, prepare?: (member: Member) => Promise<void>): Journey {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let member: Member | undefined;

  beforeAll(async () => {
    member = await createMember(memberName);
    await prepare?.(member);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, device));
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  return {
    page: () => {
      if (!page) throw new Error('the journey has not started');
      return page;
    },
    member: () => {
      if (!member) throw new Error('the journey has not started');
      return member;
    },
  };
}
