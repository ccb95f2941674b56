import { vi } from 'vitest';
import { API_BASE } from '../api/http';

/** One request as the fake api saw it. */
export interface SeenRequest {
  method: string;
  /** Path below /api, with the query string. */
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** Routes keyed `'METHOD /path'` (path below /api, query included). */
export type Routes = Record<string, Handler>;

/**
 * Replaces `fetch` with an in-memory api that answers real `Response` objects, since no server runs
 * in vitest. Unknown routes answer 501 naming the route, so a missing stub fails loudly.
 */
export function fakeApi(routes: Routes): { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.startsWith(API_BASE) ? url.slice(API_BASE.length) : url;
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : init.body instanceof FormData ? init.body : undefined;
    const request: SeenRequest = { method, path, headers: new Headers(init.headers), body, credentials: init.credentials };
    seen.push(request);
    const handler = routes[`${method} ${path}`];
    if (!handler) return json(501, { statusCode: 501, message: `no fake route for ${method} ${path}` });
    return handler(request);
  };
  vi.stubGlobal('fetch', vi.fn(fetchStub));
  return { seen };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function errorBody(status: number, message: string, errors?: { field: string; message: string }[]): Response {
  return json(status, errors ? { statusCode: status, message, errors } : { statusCode: status, message });
}

/** A promise with its resolve exposed, to hold a fake answer until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Answers each call with the next handler; the last one repeats. */
export function inTurn(...handlers: Handler[]): Handler {
  let call = 0;
  return (request) => {
    const handler = handlers[Math.min(call, handlers.length - 1)];
    call += 1;
    if (!handler) throw new Error('inTurn needs at least one handler');
    return handler(request);
  };
}
