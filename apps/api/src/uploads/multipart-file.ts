import { ValidationError, type FieldError } from '@app/shared/contracts/errors';
import { FileTooLargeError } from '@app/server/media/image-upload';
import busboy from 'busboy';
import type { Request } from 'express';

/** The one file of a multipart request, held in memory (at most `maxBytes`). */
export interface ReceivedFile {
  /** The client's file name: a label, never a path. */
  fileName: string | undefined;
  data: Buffer;
}

export interface MultipartOptions {
  field: string;
  maxBytes: number;
}

/**
 * Reads a `multipart/form-data` body that must hold exactly one file in `field` and nothing
 * else. Wrong or extra parts are field errors; a file over `maxBytes` stops reading at the
 * limit and is a FileTooLargeError. Nothing is written anywhere.
 */
export function readSingleFile(request: Request, options: MultipartOptions): Promise<ReceivedFile> {
  const required = (message: string) => new ValidationError('Send one file as multipart/form-data', [{ field: options.field, message }]);
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send a file's name as UTF-8; busboy would read it as Latin-1 (café.png → cafÃ©.png).
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes, fields: 20, parts: 21 } });
    } catch {
      reject(required('is required (send multipart/form-data)'));
      return;
    }
    const errors: FieldError[] = [];
    let file: ReceivedFile | undefined;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // Read and drop whatever the client is still sending, so it receives the answer.
      request.resume();
      outcome();
    };

    const malformed = () => finish(() => reject(required('could not be read (malformed multipart body)')));
    parser.on('file', (name, stream, info) => {
      // busboy destroys an unfinished file stream with the form's error: unheard, it would end the process.
      stream.on('error', malformed);
      if (name !== options.field) {
        errors.push({ field: name, message: 'unknown field' });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => finish(() => reject(new FileTooLargeError(options.maxBytes))));
      stream.on('end', () => {
        file = { fileName: info.filename, data: Buffer.concat(chunks) };
      });
    });
    parser.on('field', (name) => errors.push({ field: name, message: 'unknown field' }));
    parser.on('filesLimit', () => errors.push({ field: options.field, message: 'must be exactly one file' }));
    parser.on('partsLimit', () => errors.push({ field: 'body', message: 'has too many parts' }));
    parser.on('fieldsLimit', () => errors.push({ field: 'body', message: 'has too many fields' }));
    parser.on('error', malformed);
    // A client that hangs up mid-body never ends the form; stop the parser instead of waiting forever.
    request.on('close', () => {
      if (!request.complete) parser.destroy(new Error('request aborted'));
    });
    parser.on('close', () =>
      finish(() => {
        if (!file && !errors.some((error) => error.field === options.field)) errors.unshift({ field: options.field, message: 'is required' });
        if (errors.length > 0 || !file) reject(new ValidationError(`Send one file in the "${options.field}" field and nothing else`, errors));
        else resolve(file);
      }),
    );
    request.pipe(parser);
  });
}
