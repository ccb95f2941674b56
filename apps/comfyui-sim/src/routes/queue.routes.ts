import { readBody } from '../http/read-body';
import { sendEmpty, sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { queueItemJson } from '../engine/prompt-queue';
import { pyBool } from '../python/python-values';
import { isRecord } from '../validation/prompt-graph';
import { clearOrDeleteRoute } from './clear-or-delete.route';
import type { RouteDeps } from './route-deps';

/** `GET /queue`, `POST /queue` (delete, clear), `POST /interrupt` (COMFYUI.md §2). */
export function queueRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/queue',
      handle: ({ res }) => {
        const queue = deps.engine().queue;
        sendJson(res, 200, { queue_running: queue.runningItems().map(queueItemJson), queue_pending: queue.pendingItems().map(queueItemJson) });
      },
    },
    clearOrDeleteRoute('/queue', deps, () => {
      const queue = deps.engine().queue;
      return { clear: () => queue.wipe(), delete: (promptId) => queue.delete(promptId) };
    }),
    {
      method: 'POST',
      path: '/interrupt',
      handle: async ({ req, res }) => {
        const body = await readBody(req, deps.maxUploadSize);
        const json = parseOrEmpty(body.toString('utf8'));
        const promptId = isRecord(json) && pyBool(json.prompt_id) ? String(json.prompt_id) : undefined;
        deps.engine().interrupt(promptId);
        sendEmpty(res, 200);
      },
    },
  ];
}

/** `/interrupt` treats a body that is not JSON (or none) as `{}` [src]. */
function parseOrEmpty(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}
