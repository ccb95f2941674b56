import { outputDetailSchema, outputListSchema, outputQuerySchema, thumbQuerySchema } from '@app/shared/contracts/api/generations';
import { createZodDto } from 'nestjs-zod';

export class OutputListDto extends createZodDto(outputListSchema) {}
export class OutputQueryDto extends createZodDto(outputQuerySchema) {}
export class OutputDetailDto extends createZodDto(outputDetailSchema) {}
export class ThumbQueryDto extends createZodDto(thumbQuerySchema) {}
