import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { ComfyProtocolError } from './comfy-errors';
import { routeUrl, type HttpExchange } from './http-request';

/** Aborts its signal once nothing has moved for `idleMs`; `touch()` on every chunk. */
class IdleWatchdog {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(idleMs: number) {
    this.timer = setTimeout(() => this.controller.abort(), idleMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    this.timer.refresh();
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

export interface TransferOptions {
  idleMs: number;
  signal?: AbortSignal;
}

/**
 * Runs one streaming exchange under an idle limit rather than a total one (uploads and `/view`,
 * COMFYUI.md §8): `run` gets the combined signal and the watchdog to touch.
 */
export async function withIdleLimit<T>(
  exchange: HttpExchange,
  route: string,
  options: TransferOptions,
  run: (signal: AbortSignal, touch: () => void) => Promise<T>,
): Promise<T> {
  const watchdog = new IdleWatchdog(options.idleMs);
  const signal = options.signal ? AbortSignal.any([options.signal, watchdog.signal]) : watchdog.signal;
  try {
    return await run(signal, () => watchdog.touch());
  } catch (error) {
    throw exchange.translate(error, route, options.signal, { signal: watchdog.signal, message: `no bytes for ${options.idleMs} ms` });
  } finally {
    watchdog.stop();
  }
}

export interface DownloadResult {
  bytes: number;
  contentType: string | undefined;
}

/**
 * Streams a GET answer to `destinationPath` through a temporary name in the same folder, renamed
 * only when complete: a crash or error never leaves a half-written file under the final name.
 */
export function downloadToFile(exchange: HttpExchange, route: string, destinationPath: string, options: TransferOptions): Promise<DownloadResult> {
  return withIdleLimit(exchange, route, options, async (signal, touch) => {
    const response = await fetch(routeUrl(exchange.baseUrl, route), { signal });
    await exchange.expectOk(route, response);
    if (!response.body) throw new ComfyProtocolError(`${route} answered without a body`, exchange.baseUrl);
    await mkdir(dirname(destinationPath), { recursive: true });
    const temporaryPath = join(dirname(destinationPath), `.${basename(destinationPath)}.${randomUUID()}.part`);
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        touch();
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), counter, createWriteStream(temporaryPath, { flags: 'wx' }), {
        signal,
      });
      await rename(temporaryPath, destinationPath);
    } catch (error) {
      await rm(temporaryPath, { force: true });
      throw error;
    }
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  });
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

/**
 * A `multipart/form-data` body that is pulled chunk by chunk (so the idle limit sees progress):
 * the file part first, then the text fields.
 */
export function multipartBody(
  boundary: string,
  file: { field: string; filename: string; bytes: ReadableStream<Uint8Array> },
  fields: Record<string, string>,
  touch: () => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const contentType = CONTENT_TYPES[extname(file.filename).toLowerCase()] ?? 'application/octet-stream';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const tail =
    Object.entries(fields)
      .map(([name, value]) => `\r\n--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}`)
      .join('') + `\r\n--${boundary}--\r\n`;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield encoder.encode(head);
    for await (const chunk of file.bytes) yield chunk;
    yield encoder.encode(tail);
  }
  const iterator = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      touch();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}
