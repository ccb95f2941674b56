import { copyAliasSchema, sharedAliasListQuerySchema, sharedAliasListSchema } from '@app/shared/contracts/api/aliases';
import { createZodDto } from 'nestjs-zod';

export class SharedAliasListQueryDto extends createZodDto(sharedAliasListQuerySchema) {}
export class SharedAliasListDto extends createZodDto(sharedAliasListSchema) {}
export class CopyAliasDto extends createZodDto(copyAliasSchema) {}
