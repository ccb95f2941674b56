import { ValidationError } from '@app/shared/contracts/errors';
import type { TagCursor } from '@app/server/repositories/tags.repository';
import { z } from 'zod';

const cursorSchema = z.tuple([z.number().int().min(0).max(3), z.number().int(), z.string().max(400)]);

/** Opaque keyset cursors for tag pages: base64url JSON of the last tag's (tier, count, key). */
export function encodeTagCursor({ tier, count, key }: TagCursor): string {
  return Buffer.from(JSON.stringify([tier, count, key])).toString('base64url');
}

export function decodeTagCursor(cursor: string | undefined): TagCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [tier, count, key] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { tier, count, key };
  } catch {
    throw new ValidationError('Invalid cursor', [{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  }
}
