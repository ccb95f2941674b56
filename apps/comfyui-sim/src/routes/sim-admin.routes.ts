import { faultUpdateSchema } from '../faults';
import { readJson } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RouteDeps } from './route-deps';

/**
 * The stand-in's own admin routes, outside ComfyUI's namespace and exempt from the `http500` and
 * `stallMs` faults so a test can always switch them off again.
 */
export function simAdminRoutes(deps: RouteDeps): Route[] {
  return [
    { method: 'GET', path: '/sim/faults', handle: ({ res }) => sendJson(res, 200, deps.faults.get()) },
    { method: 'GET', path: '/sim/requests', handle: ({ res }) => sendJson(res, 200, deps.requests.all()) },
    {
      method: 'POST',
      path: '/sim/faults',
      handle: async ({ req, res }) => {
        const update = faultUpdateSchema.safeParse(await readJson(req, deps.maxUploadSize));
        if (!update.success) {
          sendJson(res, 400, { error: 'invalid faults', issues: update.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
          return;
        }
        sendJson(res, 200, deps.faults.set(update.data));
      },
    },
    {
      method: 'POST',
      path: '/sim/restart',
      handle: async ({ req, res }) => {
        await deps.restart(req.socket);
        res.setHeader('Connection', 'close');
        sendJson(res, 200, { restarted: true });
      },
    },
  ];
}
