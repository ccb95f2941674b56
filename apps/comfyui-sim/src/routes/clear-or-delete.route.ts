import { readJson } from '../http/read-body';
import { sendEmpty } from '../http/respond';
import type { Route } from '../http/router';
import { pyBool } from '../python/python-values';
import { isRecord } from '../validation/prompt-graph';
import type { RouteDeps } from './route-deps';

export interface ClearableStore {
  clear(): void;
  delete(promptId: string): void;
}

/**
 * `POST /queue` and `POST /history` share one body: `{"clear": true}` empties the store,
 * `{"delete": [ids]}` removes entries; unknown ids are fine. Always 200 with no body [obs 07].
 */
export function clearOrDeleteRoute(path: string, deps: RouteDeps, store: () => ClearableStore): Route {
  return {
    method: 'POST',
    path,
    handle: async ({ req, res }) => {
      const body = await readJson(req, deps.maxUploadSize);
      const target = store();
      if (isRecord(body) && 'clear' in body && pyBool(body.clear)) target.clear();
      if (isRecord(body) && Array.isArray(body.delete)) for (const id of body.delete) target.delete(String(id));
      sendEmpty(res, 200);
    },
  };
}
