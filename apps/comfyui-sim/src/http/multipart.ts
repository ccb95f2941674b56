import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { BodyTooLargeError } from './read-body';

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}

export interface MultipartForm {
  /** The first value of each plain field, as aiohttp's `MultiDict.get` returns it. */
  fields: Map<string, string>;
  /** The first file of each file field. */
  files: Map<string, UploadedFile>;
}

/** Reads a whole `multipart/form-data` body into memory, capped at `limit` bytes overall. */
export function readMultipart(req: IncomingMessage, limit: number): Promise<MultipartForm> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit, declared));
  return new Promise((resolve, reject) => {
    const form: MultipartForm = { fields: new Map(), files: new Map() };
    let received = 0;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      req.unpipe();
      req.resume();
      reject(error);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) fail(new BodyTooLargeError(limit, received));
    });
    parser.on('field', (name, value) => {
      if (!form.fields.has(name)) form.fields.set(name, value);
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (!form.files.has(name)) form.files.set(name, { field: name, filename: info.filename ?? '', data: Buffer.concat(chunks) });
      });
    });
    parser.on('error', (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    parser.on('close', () => {
      if (!failed) resolve(form);
    });
    req.pipe(parser);
  });
}
