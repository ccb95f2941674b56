import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FieldError } from '@app/shared/contracts/errors';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/** A request body refused before any route read it: 400, 413 or 415, with field errors. */
export class BodyRefusedException extends HttpException {
  constructor(
    status: 400 | 413 | 415,
    message: string,
    readonly fields: FieldError[],
  ) {
    super(message, status);
  }
}

const refusals = new WeakMap<Request, BodyRefusedException>();

/**
 * The body parsers run before routing and authentication. They note a refusal here instead of
 * failing the request, so an unknown route still answers 404 and a stranger still 401 first.
 */
export function recordBodyRefusal(request: Request, refusal: BodyRefusedException): void {
  refusals.set(request, refusal);
}

export function hasBodyRefusal(request: Request): boolean {
  return refusals.has(request);
}

/** Global interceptor: runs after the access guard, so it reports the body only to a caller who may use the route. */
@Injectable()
export class BodyRefusalInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const refusal = refusals.get(context.switchToHttp().getRequest<Request>());
      if (refusal) throw refusal;
    }
    return next.handle();
  }
}
