import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RouteDeps } from './route-deps';

/** `/system_stats` and `/features` (COMFYUI.md §2). */
export function systemRoutes(deps: RouteDeps): Route[] {
  return [
    { method: 'GET', path: '/system_stats', handle: ({ res }) => sendJson(res, 200, deps.systemStats()) },
    { method: 'GET', path: '/features', handle: ({ res }) => sendJson(res, 200, deps.features()) },
  ];
}
