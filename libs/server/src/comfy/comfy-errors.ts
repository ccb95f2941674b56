import type { ExecutionErrorData, NodeErrors, PromptError } from '@app/shared/comfy/protocol';

/**
 * How the worker reacts (STYLE.md §3.2):
 * - `user`: the graph or its inputs can never succeed (400 / node_errors, execution_error) → fail the
 *   job with the mapped messages, no retry (J-10);
 * - `transient`: the backend is unreachable, slow, answers 5xx or dropped the socket → retry later,
 *   preferably elsewhere (J-9);
 * - `permanent`: the backend answered something we cannot use (unexpected status, unparsable body) →
 *   fail and log; a retry would get the same answer.
 */
export type ComfyErrorKind = 'user' | 'transient' | 'permanent';

export abstract class ComfyError extends Error {
  abstract readonly kind: ComfyErrorKind;

  constructor(
    message: string,
    /** The backend's base URL, for logs (never shown to users, E-9). */
    readonly backendUrl: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Retry later, maybe on another backend. */
export function isTransientComfyError(error: unknown): error is ComfyError {
  return error instanceof ComfyError && error.kind === 'transient';
}

/** One validation problem, flattened for mapping to a form field (node id + input name, J-10). */
export interface ValidationProblem {
  /** Absent for prompt-level problems (`invalid_prompt`, `prompt_no_outputs`, …). */
  nodeId?: string;
  classType?: string;
  inputName?: string;
  type: string;
  message: string;
  details: string;
}

/**
 * ComfyUI refused the graph: a 400 (`queuedPromptId` absent: nothing was queued) or a 200 whose
 * `node_errors` is not empty (`queuedPromptId` set: the valid outputs were queued, and may have run).
 */
export class ComfyValidationError extends ComfyError {
  readonly kind = 'user';

  constructor(
    backendUrl: string,
    readonly error: PromptError | undefined,
    readonly nodeErrors: NodeErrors,
    readonly queuedPromptId?: string,
  ) {
    super(error ? `${error.message}${error.details ? `: ${error.details}` : ''}` : 'Some outputs failed validation', backendUrl);
  }

  /** Node problems first (they name inputs), then the prompt-level one when no node carries it. */
  problems(): ValidationProblem[] {
    const nodeProblems = Object.entries(this.nodeErrors).flatMap(([nodeId, node]) =>
      node.errors.map((error) => ({
        nodeId,
        classType: node.class_type,
        inputName: error.extra_info.input_name,
        type: error.type,
        message: error.message,
        details: error.details,
      })),
    );
    if (nodeProblems.length > 0 || !this.error) return nodeProblems;
    return [{ type: this.error.type, message: this.error.message, details: this.error.details }];
  }
}

/** The prompt failed while running (`execution_error`); the message is trimmed for users (J-10). */
export class ComfyExecutionError extends ComfyError {
  readonly kind = 'user';
  readonly nodeId: string | undefined;
  readonly nodeType: string | undefined;
  readonly exceptionType: string | undefined;

  constructor(backendUrl: string, data: ExecutionErrorData | undefined) {
    super(data ? trimExceptionMessage(data.exception_message) : 'The prompt ended with an error', backendUrl);
    this.nodeId = data?.node_id;
    this.nodeType = data?.node_type;
    this.exceptionType = data?.exception_type;
  }
}

/** A token with at least two separators (`/a/b`, `<base>/input/x.png`, `C:\\a\\b`): keep its last segment. */
const SERVER_PATH = /(?<=^|[\s'"(])[^\s'"\\/]*(?:[\\/][^\s'"\\/]+)+[\\/]([^\s'"\\/]+)/g;

/**
 * Drops the trailing newline, server paths and over-long tails of an exception message.
 * @example trimExceptionMessage("cannot identify image file '/srv/comfy/input/x.png'\n") // "cannot identify image file 'x.png'"
 */
export function trimExceptionMessage(message: string, maxLength = 300): string {
  const withoutPaths = message.trim().replace(SERVER_PATH, '$1');
  return withoutPaths.length > maxLength ? `${withoutPaths.slice(0, maxLength - 1)}…` : withoutPaths;
}

/** Network codes meaning the backend refused or dropped the connection: it is down now, not just slow (E-2). */
const GONE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']);

/** Connection refused or reset, DNS failure, or the socket went away. */
export class ComfyUnreachableError extends ComfyError {
  readonly kind = 'transient';
  /** The network error's code (`ECONNREFUSED`, `ECONNRESET`, undici's `UND_ERR_SOCKET`, …), if any. */
  readonly code: string | undefined;
  /**
   * The request provably never reached the backend (connection refused, or not sent because the
   * socket was not ready): nothing can have been queued, so there is nothing to reconcile.
   */
  readonly notSent: boolean;

  constructor(message: string, backendUrl: string, options: { cause?: unknown; code?: string; notSent?: boolean } = {}) {
    super(message, backendUrl, { cause: options.cause });
    this.code = options.code;
    this.notSent = options.notSent ?? options.code === 'ECONNREFUSED';
  }

  /** The backend refused or dropped a connection: take it as down at once (E-2), probes confirm its return. */
  get backendGone(): boolean {
    return this.code !== undefined && GONE_CODES.has(this.code);
  }
}

/** No answer (or no bytes, for transfers) within the route's limit. */
export class ComfyTimeoutError extends ComfyError {
  readonly kind = 'transient';
}

/** An HTTP answer whose status the route does not expect. */
export abstract class ComfyStatusError extends ComfyError {
  constructor(
    backendUrl: string,
    readonly route: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${route} answered ${status}`, backendUrl);
  }
}

/** A 5xx answer. */
export class ComfyServerError extends ComfyStatusError {
  readonly kind = 'transient';
}

/** Another unexpected status: 404 from /view, 413 body too large, … */
export class ComfyRequestError extends ComfyStatusError {
  readonly kind = 'permanent';
}

/** A body that does not match the protocol (not JSON, or not the expected shape). */
export class ComfyProtocolError extends ComfyError {
  readonly kind = 'permanent';
}
