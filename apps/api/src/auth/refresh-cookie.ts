import type { CookieOptions, Request, Response } from 'express';

export const REFRESH_COOKIE = 'cs_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';

/** S-18: httpOnly, SameSite=Strict, scoped to /api/auth, Secure under HTTPS. */
function cookieOptions(request: Request, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: REFRESH_COOKIE_PATH, maxAge: maxAgeMs };
}

export function setRefreshCookie(request: Request, response: Response, token: string, maxAgeMs: number): void {
  response.cookie(REFRESH_COOKIE, token, cookieOptions(request, maxAgeMs));
}

export function clearRefreshCookie(request: Request, response: Response): void {
  const { maxAge: _unused, ...options } = cookieOptions(request, 0);
  response.clearCookie(REFRESH_COOKIE, options);
}

export function readRefreshCookie(request: Request): string | undefined {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const value = (cookies as Record<string, unknown>)[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * S-21: a refresh is a cookie-authenticated request, so it must come from our own origin.
 * Browsers always send Origin on POST; scripts without one are not browsers and hold no cookie jar of ours.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
