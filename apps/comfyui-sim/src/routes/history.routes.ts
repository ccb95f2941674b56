import { readJson } from '../http/read-body';
import { sendEmpty, sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { pyBool, pyInt } from '../python/python-values';
import { isRecord } from '../validation/prompt-graph';
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
    {
      method: 'POST',
      path: '/history',
      handle: async ({ req, res }) => {
        const body = await readJson(req, deps.maxUploadSize);
        const history = deps.engine().history;
        if (isRecord(body) && 'clear' in body && pyBool(body.clear)) history.clear();
        if (isRecord(body) && Array.isArray(body.delete)) for (const id of body.delete) history.delete(String(id));
        sendEmpty(res, 200);
      },
    },
  ];
}
