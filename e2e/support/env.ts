/** The shared stack's base URL, set by global-setup. */
export function e2eUrl(): string {
  const url = process.env.E2E_URL;
  if (!url) throw new Error('E2E_URL is not set: run through the browser jest project');
  return url;
}

/** A host name every test browser resolves to 127.0.0.1 (see launchBrowser). */
export const LAN_HOST = 'studio.lan';

/**
 * The shared stack as a phone on the LAN sees it: same port, a name that is not loopback, so the
 * page is not a secure context — unlike localhost and 127.x, which browsers trust.
 */
export function lanUrl(): string {
  const url = new URL(e2eUrl());
  url.hostname = LAN_HOST;
  return url.origin;
}

/** The shared stack's first admin. */
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' } as const;
