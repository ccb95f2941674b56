import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { pyInt } from '../python/python-values';
import { clearOrDeleteRoute } from './clear-or-delete.route';
import type { RouteDeps } from './route-deps';

/** `GET /history`, `GET /history/{prompt_id}`, `POST /history` (COMFYUI.md §2). */
export function historyRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/history',
      handle: ({ res, url }) => {
        const maxItems = url.searchParams.get('max_items');
        const offset = url.searchParams.get('offset');
        sendJson(res, 200, deps.engine().history.list(maxItems === null ? undefined : pyInt(maxItems), offset === null ? -1 : pyInt(offset)));
      },
    },
    {
      method: 'GET',
      path: '/history/{prompt_id}',
      handle: ({ res, params }) => sendJson(res, 200, deps.engine().history.one(params.prompt_id ?? '')),
    },
    clearOrDeleteRoute('/history', deps, () => deps.engine().history),
  ];
}
