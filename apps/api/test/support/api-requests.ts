import type { TestApi } from './test-api';

const bearer = { type: 'bearer' } as const;

/**
 * Requests to `/api…` with a bearer token: the one given, or `defaultToken()` (read at call time,
 * since specs sign in inside `beforeAll`).
 */
export function apiRequests(api: () => TestApi, defaultToken: () => string) {
  const as = (token: string | undefined) => token ?? defaultToken();
  return {
    get: (path: string, token?: string) => api().http.get(`/api${path}`).auth(as(token), bearer),
    post: (path: string, body: object, token?: string) => api().http.post(`/api${path}`).auth(as(token), bearer).send(body),
    patch: (path: string, body: object, token?: string) => api().http.patch(`/api${path}`).auth(as(token), bearer).send(body),
    put: (path: string, body: object, token?: string) => api().http.put(`/api${path}`).auth(as(token), bearer).send(body),
    del: (path: string, token?: string) => api().http.delete(`/api${path}`).auth(as(token), bearer),
  };
}
