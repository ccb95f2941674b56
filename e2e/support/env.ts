/** The shared stack's base URL, set by global-setup. */
export function e2eUrl(): string {
  const url = process.env.E2E_URL;
  if (!url) throw new Error('E2E_URL is not set: run through the browser jest project');
  return url;
}

/** The shared stack's first admin. */
export const E2E_ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' } as const;
