import type { FieldError } from '@app/shared/contracts/errors';
import { json, Router, type Request, type RequestHandler } from 'express';
import { BodyRefusedException, hasBodyRefusal, recordBodyRefusal } from './body-refusal';

/** A route given a larger body limit: an express path with its method. */
export interface BodyLimitRoute {
  method: 'post' | 'put' | 'patch';
  path: string;
}

export interface JsonBodyLimits {
  megabytes: number;
  /** Routes allowed `largeMegabytes` instead; matched exactly, method included. */
  largeRoutes: readonly BodyLimitRoute[];
  largeMegabytes: number;
}

/** Media types a route of ours reads: JSON here, multipart by the upload routes themselves. */
const READABLE_TYPES = ['application/json', 'multipart/form-data'];

const bodyField = (message: string): FieldError[] => [{ field: 'body', message }];

/**
 * The JSON body parsers: the larger limit on the listed routes only. A body they cannot take
 * becomes a recorded refusal (see body-refusal.ts), never a failed request: an error passed on
 * here would reach the web app's static handler, which answers every error under /api with 404.
 */
export function jsonBody(limits: JsonBodyLimits): RequestHandler[] {
  const large = Router();
  for (const route of limits.largeRoutes) large[route.method](route.path, parseJson(limits.largeMegabytes));
  return [large, parseJson(limits.megabytes)];
}

function parseJson(megabytes: number): RequestHandler {
  const parse = json({ limit: `${megabytes}mb` });
  return (request, response, next) => {
    // The body was read (or refused) by the parser of a larger-limit route.
    if (request.body !== undefined || hasBodyRefusal(request)) return next();
    const done = (error?: unknown) => {
      const refusal = error ? parserRefusal(error, megabytes) : unreadableType(request);
      if (refusal) recordBodyRefusal(request, refusal);
      next();
    };
    try {
      parse(request, response, done);
    } catch (error) {
      done(error);
    }
  };
}

function parserRefusal(error: unknown, megabytes: number): BodyRefusedException {
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  switch (type) {
    case 'entity.parse.failed':
      return new BodyRefusedException(400, 'Malformed JSON body', bodyField('is not valid JSON'));
    case 'entity.too.large':
      return new BodyRefusedException(413, 'Request body too large', bodyField(`must be at most ${megabytes} MB`));
    case 'charset.unsupported':
      return new BodyRefusedException(415, 'Unsupported charset', [{ field: 'headers.content-type', message: 'charset must be utf-8' }]);
    case 'encoding.unsupported':
      return new BodyRefusedException(415, 'Unsupported Content-Encoding', [{ field: 'headers.content-encoding', message: 'must be gzip, deflate, br or identity' }]);
    default:
      return new BodyRefusedException(400, 'Unreadable request body', bodyField('could not be read (damaged or wrongly encoded)'));
  }
}

/** A body the JSON parser skipped: fine when empty or multipart, otherwise a type we do not read. */
function unreadableType(request: Request): BodyRefusedException | undefined {
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || request.body !== undefined || request.is(READABLE_TYPES)) return undefined;
  return new BodyRefusedException(415, 'Unsupported Content-Type', [{ field: 'headers.content-type', message: 'must be application/json' }]);
}
