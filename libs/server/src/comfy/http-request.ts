import type { z } from 'zod';
import { ComfyError, ComfyProtocolError, ComfyRequestError, ComfyServerError, ComfyTimeoutError, ComfyUnreachableError } from './comfy-errors';

/** Per-route limits (COMFYUI.md §8). Transfers use `transferIdleMs`: time without a byte moving. */
export interface ComfyTimeouts {
  systemStatsMs: number;
  queueMs: number;
  historyMs: number;
  interruptMs: number;
  promptMs: number;
  objectInfoMs: number;
  transferIdleMs: number;
}

export const DEFAULT_TIMEOUTS: ComfyTimeouts = {
  systemStatsMs: 5_000,
  queueMs: 10_000,
  historyMs: 10_000,
  interruptMs: 10_000,
  promptMs: 30_000,
  objectInfoMs: 30_000,
  transferIdleMs: 30_000,
};

export interface RequestOptions {
  /** Total time for the answer and its body. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Joins a base URL (which may carry a path prefix) and a route such as `/history/abc`. */
export function routeUrl(baseUrl: string, route: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${route}`;
}

/**
 * One HTTP exchange with a backend. Network failures and timeouts become transient `ComfyError`s; an
 * abort by the caller's signal rejects with the signal's reason unchanged.
 */
export class HttpExchange {
  constructor(
    readonly baseUrl: string,
    /** Told of every request that found the backend unreachable (refused, reset, …). */
    private readonly onUnreachable: (error: ComfyUnreachableError) => void = () => undefined,
  ) {}

  /** Sends and returns the answer whatever its status; `read` consumes the body under the same limit. */
  async send<T>(route: string, init: RequestInit, options: RequestOptions, read: (response: Response) => Promise<T>): Promise<T> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await read(await fetch(routeUrl(this.baseUrl, route), { ...init, signal }));
    } catch (error) {
      throw this.translate(error, route, options.signal, { signal: timeout, message: `no answer within ${options.timeoutMs} ms` });
    }
  }

  /** GET/POST a JSON route and parse a 200 answer with `schema`. */
  json<Schema extends z.ZodType>(route: string, schema: Schema, options: RequestOptions, init: RequestInit = {}): Promise<z.infer<Schema>> {
    return this.send(route, init, options, async (response) => {
      await this.expectOk(route, response);
      return this.parse(route, schema, await this.readJson(route, response));
    });
  }

  /** POST a JSON body to a route that answers 200 with no body (`/queue`, `/interrupt`). */
  postEmpty(route: string, body: unknown, options: RequestOptions): Promise<void> {
    return this.send(route, jsonInit(body), options, async (response) => {
      await this.expectOk(route, response);
      await response.arrayBuffer();
    });
  }

  async expectOk(route: string, response: Response): Promise<void> {
    if (response.ok) return;
    const body = (await response.text()).slice(0, 500);
    if (response.status >= 500) throw new ComfyServerError(this.baseUrl, route, response.status, body);
    throw new ComfyRequestError(this.baseUrl, route, response.status, body);
  }

  async readJson(route: string, response: Response): Promise<unknown> {
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new ComfyProtocolError(`${route} answered ${response.status} with a body that is not JSON`, this.baseUrl, { cause: error });
    }
  }

  parse<Schema extends z.ZodType>(route: string, schema: Schema, json: unknown): z.infer<Schema> {
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new ComfyProtocolError(`${route}: unexpected answer (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`, this.baseUrl);
  }

  /** Maps what fetch threw to our classes; the caller's own abort passes through. */
  translate(error: unknown, route: string, callerSignal: AbortSignal | undefined, limit: { signal: AbortSignal; message: string }): unknown {
    if (error instanceof ComfyError) return error;
    if (callerSignal?.aborted) return callerSignal.reason;
    if (limit.signal.aborted) return new ComfyTimeoutError(`${route}: ${limit.message}`, this.baseUrl, { cause: error });
    const code = networkErrorCode(error);
    const unreachable = new ComfyUnreachableError(`${route}: ${describeNetworkError(error, code)}`, this.baseUrl, { cause: error, code });
    this.onUnreachable(unreachable);
    return unreachable;
  }
}

export function jsonInit(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, UND_ERR_SOCKET, …); a stream error carries it itself. */
function networkErrorCode(error: unknown): string | undefined {
  // Read by shape, not `instanceof`: undici's errors may come from another realm (test runners).
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}

function describeNetworkError(error: unknown, code: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
