import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody } from '@app/shared/contracts/errors';
import { FileTooLargeError } from '@app/server/media/image-upload';
import type { Response } from 'express';

/** An oversize upload is a 413 with the usual error body and a field error on the file. */
@Catch(FileTooLargeError)
export class FileTooLargeFilter implements ExceptionFilter {
  constructor(private readonly field: string) {}

  catch(error: FileTooLargeError, host: ArgumentsHost): void {
    const body: ErrorBody = { statusCode: 413, message: error.message, errors: [{ field: this.field, message: `must be at most ${Math.round(error.maxBytes / (1024 * 1024))} MB` }] };
    host.switchToHttp().getResponse<Response>().status(413).json(body);
  }
}
