import { expandPromptSchema, promptExpansionSchema } from '@app/shared/contracts/api/prompts';
import { createZodDto } from 'nestjs-zod';

export class ExpandPromptDto extends createZodDto(expandPromptSchema) {}
export class PromptExpansionDto extends createZodDto(promptExpansionSchema) {}
