import { z } from 'zod';
import type { ErrorBody, FieldError } from '@app/shared/contracts/errors';
import { t } from '../i18n/en';

/** A failed API call as the UI needs it: status, a message fit to show, and per-field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** From `Retry-After` on 429 answers; null when the server gave none. */
    readonly retryAfterSeconds: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }

  /** Problems by form field name: the server's request-part prefix (`body.email`) is dropped. */
  fieldMessages(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.fieldErrors) byField[formFieldName(field)] ??= message;
    return byField;
  }
}

/** `body.email` → `email`; `query.confirm` → `confirm`; other paths are kept as they are. */
export function formFieldName(field: string): string {
  return field.replace(/^(body|query|params)\./, '');
}

const errorBodySchema = z.object({
  statusCode: z.number(),
  message: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
}) satisfies z.ZodType<ErrorBody>;

/** Seconds from a `Retry-After` header, which is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns a non-2xx response into an ApiError; 5xx bodies are never shown (they say nothing useful). */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
  if (response.status >= 500) return new ApiError(response.status, t('error.server'), [], retryAfter);
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, t('error.unexpected'), [], retryAfter);
  return new ApiError(response.status, parsed.data.message, parsed.data.errors ?? [], retryAfter);
}

/** The one message to show for any thrown value. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? error.message : t('error.unexpected');
}
