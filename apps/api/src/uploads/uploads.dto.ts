import { uploadListQuerySchema, uploadListSchema, uploadSchema } from '@app/shared/contracts/api/uploads';
import { createZodDto } from 'nestjs-zod';

export class UploadDto extends createZodDto(uploadSchema) {}
export class UploadListDto extends createZodDto(uploadListSchema) {}
export class UploadListQueryDto extends createZodDto(uploadListQuerySchema) {}
