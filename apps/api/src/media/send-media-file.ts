import { HttpException, Logger } from '@nestjs/common';
import { NotFoundError } from '@app/shared/contracts/errors';
import { createPngTextStripper } from '@app/server/media/png-text';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { contentDisposition } from './content-disposition';
import type { MediaFile } from './media.service';

const logger = new Logger('Media');

/**
 * Writes a media answer: private caching for as long as the URL lives, a strong ETag
 * honouring If-None-Match (304), the stored type, a sanitised Content-Disposition, and byte
 * ranges for whole files (video seeking). Text-stripped PNGs are streamed without ranges.
 */
export async function sendMediaFile(request: Request, response: Response, file: MediaFile): Promise<void> {
  // A recorded file that is gone from disk is a 404 like any other missing media.
  const found = await stat(file.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!found?.isFile()) throw new NotFoundError('Not found');
  response.setHeader('Cache-Control', `private, max-age=${file.maxAgeSeconds}`);
  response.setHeader('ETag', file.etag);
  response.setHeader('Content-Type', file.mime);
  response.setHeader('Content-Disposition', contentDisposition(file.disposition, file.fileName));
  if (file.stripPngText) {
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    // Once streaming has begun, a failure can only cut the answer short; pipeline closes it.
    await pipeline(createReadStream(file.path), createPngTextStripper(), response).catch((error: unknown) => {
      logger.warn(`media stream of ${file.fileName} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    return;
  }
  await new Promise<void>((resolve, reject) => {
    response.sendFile(file.path, { etag: false, lastModified: false, cacheControl: false, acceptRanges: true, dotfiles: 'allow' }, (error?: Error) => {
      if (!error || response.headersSent) resolve();
      else reject(asHttpError(response, error));
    });
  });
}

const MEDIA_HEADERS = ['Cache-Control', 'ETag', 'Content-Type', 'Content-Disposition'];

/**
 * Before an error answer replaces the file: drop the file's headers, and keep `send`'s own
 * 412/416 answers (with their Content-Range) as HTTP errors rather than server failures.
 */
function asHttpError(response: Response, error: Error): Error {
  for (const header of MEDIA_HEADERS) response.removeHeader(header);
  const { status, headers } = error as Error & { status?: unknown; headers?: Record<string, string> };
  if (status !== 412 && status !== 416) return error;
  for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
  return new HttpException(status === 416 ? 'Range Not Satisfiable' : 'Precondition Failed', status);
}
