import { ValidationError } from '@app/shared/contracts/errors';
import { z } from 'zod';

const cursorSchema = z.object({ t: z.number(), i: z.string() });

/** Opaque keyset cursors (G-2): base64url JSON of the last item's (time, id). */
export function encodeCursor(time: number, id: string): string {
  return Buffer.from(JSON.stringify({ t: time, i: id })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { time: number; id: string } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { time: parsed.t, id: parsed.i };
  } catch {
    throw new ValidationError('Invalid cursor', [{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  }
}
