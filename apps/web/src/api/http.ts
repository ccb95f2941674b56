import type { z } from 'zod';
import { t } from '../i18n/en';
import { ApiError, toApiError } from './api-error';

/** What the HTTP client needs from whoever owns the session (the auth store). */
export interface SessionHooks {
  /** The current access token; it lives in memory only (S-18). */
  accessToken(): string | null;
  /** Gets a fresh access token from the refresh cookie. Concurrent callers share one attempt; false = no session. */
  refresh(): Promise<boolean>;
  /** The session is gone for good: forget it and send the user to sign in. */
  expire(): void;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  /** JSON-encoded, except FormData (multipart uploads), which the browser encodes with its boundary. */
  body?: unknown;
  query?: Readonly<Record<string, string>>;
  /** Sent without a bearer token and never refreshed: login and refresh themselves. */
  anonymous?: boolean;
}

export const API_BASE = '/api';

let session: SessionHooks | null = null;

/** Connects the client to the session owner; `null` disconnects (tests). */
export function bindSession(hooks: SessionHooks | null): void {
  session = hooks;
}

/**
 * Calls the api and parses the answer with `schema`. Adds the bearer token; on a 401 refreshes once
 * and retries once; if there is no session left, expires it. Every failure is an ApiError.
 * @example const me = await request('GET', '/auth/me', { schema: authUserSchema });
 */
export function request<S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  options: RequestOptions & { schema: S },
): Promise<z.output<S>>;
export function request(method: HttpMethod, path: string, options?: RequestOptions): Promise<void>;
export async function request(
  method: HttpMethod,
  path: string,
  options: RequestOptions & { schema?: z.ZodType } = {},
): Promise<unknown> {
  const hooks = options.anonymous ? null : session;
  const sentToken = hooks?.accessToken() ?? null;
  let response = await send(method, path, options, sentToken);
  if (response.status === 401 && hooks) {
    // Another request may already have refreshed while this one was in flight.
    const hasFreshToken = hooks.accessToken() !== sentToken || (await hooks.refresh());
    if (hasFreshToken) response = await send(method, path, options, hooks.accessToken());
    else hooks.expire();
  }
  if (!response.ok) throw await toApiError(response);
  if (!options.schema) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, t('error.unexpectedResponse'));
  return parsed.data;
}

async function send(method: HttpMethod, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (options.body !== undefined && !(options.body instanceof FormData)) headers.set('Content-Type', 'application/json');
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  try {
    return await fetch(`${API_BASE}${path}${query}`, {
      method,
      headers,
      body: encodeBody(options.body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError(0, t('error.network'), [], null, { cause: error });
  }
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined || body instanceof FormData) return body;
  return JSON.stringify(body);
}
