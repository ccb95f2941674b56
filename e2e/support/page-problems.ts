import type { Page } from 'playwright-core';

/**
 * Collects, as they happen, what goes wrong on a page that a person would run into: script
 * errors, console errors (where the browser reports failed loads and unhandled rejections),
 * requests that failed, and any request to an https: URL (a plain-HTTP page sent to HTTPS is
 * how a phone on the LAN got a blank page).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('request', (request) => {
    if (request.url().startsWith('https:')) problems.push(`https request: ${request.url()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'unknown'}`));
  return problems;
}
