import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of `{name}` segments in the route path. */
  params: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** `/history/{prompt_id}`: a `{name}` segment matches one path segment. */
  path: string;
  handle(context: RouteContext): Promise<void> | void;
}

export type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrong-method' } | { kind: 'none' };

/**
 * Finds the route for a request. ComfyUI registers every route twice, bare and under `/api`
 * (COMFYUI.md §1), so the prefix is stripped first.
 */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const path = pathname.startsWith('/api/') ? pathname.slice(4) : pathname;
  let wrongMethod = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method || (route.method === 'GET' && method === 'HEAD')) return { kind: 'found', route, params };
    wrongMethod = true;
  }
  return wrongMethod ? { kind: 'wrong-method' } : { kind: 'none' };
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    if (part.startsWith('{') && part.endsWith('}')) {
      if (actual === '') return undefined;
      params[part.slice(1, -1)] = decodeURIComponent(actual);
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}
