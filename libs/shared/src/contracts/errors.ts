/** One problem with one input field; `field` is a dotted path such as `values.seed`. */
export interface FieldError {
  field: string;
  message: string;
}

/** The first error of each field, in order: one message per field when several checks refuse it. */
export function firstPerField(errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index);
}

export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LIMIT_EXCEEDED';

/**
 * The errors services throw. The api maps each kind to one HTTP status; nothing below the
 * controller layer knows about HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** Role or token scope is insufficient. Never used for another user's private data (that is 404). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** A limit or throttle was hit; `retryAfterSeconds` becomes a `Retry-After` header. */
export class LimitError extends DomainError {
  readonly code = 'LIMIT_EXCEEDED';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: FieldError[];
}
