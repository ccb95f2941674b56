import { ArgumentsHost, Catch, HttpException, Inject, Logger, type ExceptionFilter } from '@nestjs/common';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  LimitError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type ErrorBody,
} from '@app/shared/contracts/errors';
import { REDIS } from '@app/server/redis/redis.module';
import { isRedisOutage } from '@app/server/redis/watched-redis';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { BodyRefusedException } from './body-refusal';

const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [LimitError, 429],
];

/** A supervised Redis is back about a second after it died. */
const REDIS_RETRY_AFTER_S = 2;

/**
 * The one place errors become HTTP answers `{statusCode, message, errors?}`. Known errors
 * keep their status; a failure because Redis is away is a 503 (the outage is logged once, by the
 * connection watch); anything else is a logged 500 that reveals nothing.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (exception instanceof LimitError && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', String(REDIS_RETRY_AFTER_S));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const status = STATUS.find(([kind]) => exception instanceof kind)?.[1] ?? 500;
      return { statusCode: status, message: exception.message, ...(exception.fields.length ? { errors: exception.fields } : {}) };
    }
    if (exception instanceof BodyRefusedException) {
      return { statusCode: exception.getStatus(), message: exception.message, errors: exception.fields };
    }
    if (exception instanceof HttpException) {
      return { statusCode: exception.getStatus(), message: httpMessage(exception) };
    }
    if (isRedisOutage(exception, this.redis)) {
      return { statusCode: 503, message: 'The queue service (Redis) is not reachable right now; try again in a moment' };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { statusCode: 500, message: 'Internal server error' };
  }
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.join('; ');
  return exception.message;
}
