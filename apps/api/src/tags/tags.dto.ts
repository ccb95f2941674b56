import {
  tagCategoryListSchema,
  tagImportReportSchema,
  tagPageSchema,
  tagSearchQuerySchema,
  tagValidationSchema,
  validateTagsSchema,
} from '@app/shared/contracts/api/tags';
import { createZodDto } from 'nestjs-zod';

export class TagSearchQueryDto extends createZodDto(tagSearchQuerySchema) {}
export class TagPageDto extends createZodDto(tagPageSchema) {}
export class TagCategoryListDto extends createZodDto(tagCategoryListSchema) {}
export class ValidateTagsDto extends createZodDto(validateTagsSchema) {}
export class TagValidationDto extends createZodDto(tagValidationSchema) {}
export class TagImportReportDto extends createZodDto(tagImportReportSchema) {}
