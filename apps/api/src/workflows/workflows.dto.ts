import { compileRequestSchema, compileResponseSchema, createWorkflowSchema, updateWorkflowSchema, workflowDetailSchema, workflowListSchema, workflowMemorySchema } from '@app/shared/contracts/api/workflows';
import { createZodDto } from 'nestjs-zod';

export class CreateWorkflowDto extends createZodDto(createWorkflowSchema) {}
export class UpdateWorkflowDto extends createZodDto(updateWorkflowSchema) {}
export class WorkflowDetailDto extends createZodDto(workflowDetailSchema) {}
export class WorkflowListDto extends createZodDto(workflowListSchema) {}
export class CompileRequestDto extends createZodDto(compileRequestSchema) {}
export class CompileResponseDto extends createZodDto(compileResponseSchema) {}
export class WorkflowMemoryDto extends createZodDto(workflowMemorySchema) {}
