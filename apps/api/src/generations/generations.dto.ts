import { createdGenerationsSchema, createGenerationSchema, jobDetailSchema, jobListSchema, pageQuerySchema } from '@app/shared/contracts/api/generations';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateGenerationDto extends createZodDto(createGenerationSchema) {}
export class CreatedGenerationsDto extends createZodDto(createdGenerationsSchema) {}
export class JobDetailDto extends createZodDto(jobDetailSchema) {}
export class JobListDto extends createZodDto(jobListSchema) {}
export class PageQueryDto extends createZodDto(pageQuerySchema) {}
/** J-9: retry re-runs the same resolved values, or re-draws randomized fields with `newSeed`. */
export class RetryDto extends createZodDto(z.strictObject({ newSeed: z.boolean().default(false) })) {}
export class CancelResultDto extends createZodDto(z.object({ id: z.string(), status: z.string(), cancelRequested: z.boolean() })) {}
