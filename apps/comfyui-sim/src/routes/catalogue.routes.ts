import { sendEmpty, sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RouteDeps } from './route-deps';

/** `/object_info`, `/object_info/{class}`, `/models`, `/models/{folder}`, `/embeddings`. */
export function catalogueRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/object_info',
      handle: async ({ res }) => sendJson(res, 200, deps.catalogue.all(await deps.dirs.inputImages())),
    },
    {
      method: 'GET',
      path: '/object_info/{node_class}',
      handle: async ({ res, params }) => sendJson(res, 200, deps.catalogue.one(params.node_class ?? '', await deps.dirs.inputImages())),
    },
    {
      method: 'GET',
      path: '/models',
      handle: ({ res }) => sendJson(res, 200, Object.keys(deps.models)),
    },
    {
      method: 'GET',
      path: '/models/{folder}',
      handle: ({ res, params }) => {
        const folder = params.folder ?? '';
        if (Object.hasOwn(deps.models, folder)) sendJson(res, 200, deps.models[folder]);
        else sendEmpty(res, 404);
      },
    },
    {
      method: 'GET',
      path: '/embeddings',
      handle: ({ res }) => sendJson(res, 200, (deps.models.embeddings ?? []).map((name) => name.replace(/\.[^./]*$/, ''))),
    },
  ];
}
