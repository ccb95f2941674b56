import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@app/shared/contracts/errors';
import { isUuid } from '@app/server/system/ids';

/** S-20: ids are checked as UUIDs before any lookup; a bad one is a 400 naming the parameter. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUuid(value)) return value.toLowerCase();
    const field = `params.${metadata.data ?? 'id'}`;
    throw new ValidationError('Invalid id', [{ field, message: 'must be a UUID' }]);
  }
}
