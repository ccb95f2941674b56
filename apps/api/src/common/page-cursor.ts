import { ValidationError } from '@app/shared/contracts/errors';
import type { z } from 'zod';

/**
 * Opaque keyset cursors (G-2): base64url JSON of the last item's sort key. Every paged list
 * uses these two functions with its own tuple schema.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor carries, or undefined for the first page; a foreign cursor is a 400. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError('Invalid cursor', [{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  }
}
