import { Injectable, type ArgumentMetadata } from '@nestjs/common';
import { ValidationError, type FieldError } from '@app/shared/contracts/errors';
import { ZodValidationException, ZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { findUnsafeValue } from './request-value-check';

/** nestjs-zod's pipe, with field errors named after the part of the request they came from (`query.limit`). */
@Injectable()
export class RequestValidationPipe extends ZodValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const part = metadata.type === 'param' ? 'params' : metadata.type === 'custom' ? 'body' : metadata.type;
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeValue(value, metadata.data ? `${part}.${metadata.data}` : part);
      if (unsafe) throw new ValidationError('Validation failed', [unsafe]);
    }
    try {
      return super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ZodValidationException)) throw error;
      const zodError = error.getZodError();
      throw new ValidationError('Validation failed', zodError instanceof ZodError ? zodFieldErrors(zodError, part) : []);
    }
  }
}

/** zod issues → field errors; the path is dotted from the request part (`body.email`). */
export function zodFieldErrors(error: ZodError, root?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = [...(root ? [root] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return { field: [...path, ...issue.keys].join('.') || 'body', message: 'unknown field' };
    }
    return { field: path.join('.') || root || 'body', message: issue.message };
  });
}
