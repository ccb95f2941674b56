import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The api's Prometheus registry: process metrics plus request durations by route. */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

/** Times every request; the route label is the matched pattern, never the raw URL (bounded cardinality). */
@Injectable()
export class RequestTimingMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ApiMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => {
      const route: unknown = (request as Request & { route?: { path?: unknown } }).route?.path;
      end({ route: typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched', status: String(response.statusCode) });
    });
    next();
  }
}
