import { randomUUID } from 'node:crypto';
import { readJson } from '../http/read-body';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { pyFloat, pyStr } from '../python/python-values';
import { isRecord } from '../validation/prompt-graph';
import { MalformedPromptError, validatePrompt } from '../validation/validate-prompt';
import type { RouteDeps } from './route-deps';

/** `extra_data` keys the server moves out of the stored prompt [src]. */
const SENSITIVE_EXTRA_DATA_KEYS: readonly string[] = ['auth_token_comfy_org', 'api_key_comfy_org'];

/** `POST /prompt` and `GET /prompt` (COMFYUI.md §2). */
export function promptRoutes(deps: RouteDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/prompt',
      handle: ({ res }) => sendJson(res, 200, { exec_info: { queue_remaining: deps.engine().queue.remaining() } }),
    },
    {
      method: 'POST',
      path: '/prompt',
      handle: async ({ req, res }) => {
        const body = await readJson(req, deps.maxUploadSize);
        if (!isRecord(body)) throw new MalformedPromptError('body is not an object');
        const engine = deps.engine();
        let number: number;
        if ('number' in body) {
          number = pyFloat(body.number);
        } else {
          number = engine.takeNumber();
          if (body.front === true) number = -number;
        }
        if (!('prompt' in body)) {
          const error = { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided', extra_info: {} };
          sendJson(res, 400, { error, node_errors: {} });
          return;
        }
        const promptId = 'prompt_id' in body ? pyStr(body.prompt_id) : randomUUID();
        const targets = Array.isArray(body.partial_execution_targets) ? body.partial_execution_targets.map(String) : undefined;
        const validation = await validatePrompt(body.prompt, targets, {
          catalogue: deps.catalogue,
          imageExists: (image) => deps.dirs.exists(deps.dirs.inputPath(image)),
        });
        const extraData: Record<string, unknown> = isRecord(body.extra_data) ? { ...body.extra_data } : {};
        if ('client_id' in body) extraData.client_id = body.client_id;
        if (!validation.ok) {
          sendJson(res, 400, { error: validation.error, node_errors: validation.nodeErrors });
          return;
        }
        const sensitive: Record<string, unknown> = {};
        for (const key of SENSITIVE_EXTRA_DATA_KEYS) {
          if (!(key in extraData)) continue;
          sensitive[key] = extraData[key];
          delete extraData[key];
        }
        extraData.create_time = Date.now();
        const prompt = isRecord(body.prompt) ? body.prompt : {};
        const graph = Object.fromEntries(Object.entries(prompt).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1])));
        engine.queue.put({ number, promptId, prompt: graph, extraData, outputs: validation.outputs, sensitive });
        sendJson(res, 200, { prompt_id: promptId, number, node_errors: validation.nodeErrors });
      },
    },
  ];
}
