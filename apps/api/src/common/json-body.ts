import { PayloadTooLargeException } from '@nestjs/common';
import { ValidationError } from '@app/shared/contracts/errors';
import { json, type RequestHandler } from 'express';

/**
 * express.json with its failures turned into our own errors before Nest sees them, so a
 * malformed body answers the standard 400 with a field error and an oversize one a 413.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = json({ limit });
  return (request, response, next) => {
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
      if (type === 'entity.parse.failed') return next(new ValidationError('Malformed JSON body', [{ field: 'body', message: 'is not valid JSON' }]));
      if (type === 'entity.too.large') return next(new PayloadTooLargeException('Request body too large'));
      next(new ValidationError('Unreadable request body', [{ field: 'body', message: 'could not be read' }]));
    });
  };
}
