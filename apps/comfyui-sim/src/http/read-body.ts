import type { IncomingMessage } from 'node:http';

/** The body exceeded `max_upload_size`; aiohttp answers 413. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly actual: number,
  ) {
    super(`Maximum request body size ${limit} exceeded, actual body size ${actual}`);
  }
}

/** Reads the whole body, refusing more than `limit` bytes (declared or streamed). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit, declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit, size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** `await request.json()`: a body that is not JSON throws, which the server turns into a 500. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  return JSON.parse(body.toString('utf8')) as unknown;
}
