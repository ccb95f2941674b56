import {
  aliasCategoryListSchema,
  aliasCategorySchema,
  aliasDetailSchema,
  aliasImportQuerySchema,
  aliasImportReportSchema,
  aliasListQuerySchema,
  aliasListSchema,
  aliasSchema,
  createAliasCategorySchema,
  createAliasSchema,
  reorderAliasCategoriesSchema,
  restoreAliasSchema,
  rewriteAliasReferencesSchema,
  aliasReferencesReportSchema,
  updateAliasCategorySchema,
  updateAliasSchema,
} from '@app/shared/contracts/api/aliases';
import { createZodDto } from 'nestjs-zod';

export class AliasDto extends createZodDto(aliasSchema) {}
export class AliasDetailDto extends createZodDto(aliasDetailSchema) {}
export class AliasListDto extends createZodDto(aliasListSchema) {}
export class AliasListQueryDto extends createZodDto(aliasListQuerySchema) {}
export class CreateAliasDto extends createZodDto(createAliasSchema) {}
export class UpdateAliasDto extends createZodDto(updateAliasSchema) {}
export class RestoreAliasDto extends createZodDto(restoreAliasSchema) {}
export class RewriteAliasReferencesDto extends createZodDto(rewriteAliasReferencesSchema) {}
export class AliasReferencesReportDto extends createZodDto(aliasReferencesReportSchema) {}
export class AliasImportQueryDto extends createZodDto(aliasImportQuerySchema) {}
export class AliasImportReportDto extends createZodDto(aliasImportReportSchema) {}
export class AliasCategoryDto extends createZodDto(aliasCategorySchema) {}
export class AliasCategoryListDto extends createZodDto(aliasCategoryListSchema) {}
export class CreateAliasCategoryDto extends createZodDto(createAliasCategorySchema) {}
export class UpdateAliasCategoryDto extends createZodDto(updateAliasCategorySchema) {}
export class ReorderAliasCategoriesDto extends createZodDto(reorderAliasCategoriesSchema) {}
