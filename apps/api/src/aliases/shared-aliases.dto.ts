import {
  copyAliasSchema,
  copySharedAliasCategorySchema,
  sharedAliasCategoryCopySchema,
  sharedAliasCategoryListQuerySchema,
  sharedAliasCategoryListSchema,
  sharedAliasListQuerySchema,
  sharedAliasListSchema,
} from '@app/shared/contracts/api/aliases';
import { createZodDto } from 'nestjs-zod';

export class SharedAliasListQueryDto extends createZodDto(sharedAliasListQuerySchema) {}
export class SharedAliasListDto extends createZodDto(sharedAliasListSchema) {}
export class CopyAliasDto extends createZodDto(copyAliasSchema) {}
export class SharedAliasCategoryListQueryDto extends createZodDto(sharedAliasCategoryListQuerySchema) {}
export class SharedAliasCategoryListDto extends createZodDto(sharedAliasCategoryListSchema) {}
export class CopySharedAliasCategoryDto extends createZodDto(copySharedAliasCategorySchema) {}
export class SharedAliasCategoryCopyDto extends createZodDto(sharedAliasCategoryCopySchema) {}
