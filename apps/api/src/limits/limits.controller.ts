import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { runLimitsSchema, updateRunLimitsSchema, type RunLimits } from '@app/shared/contracts/api/limits';
import { RunLimitsRepository } from '@app/server/repositories/run-limits.repository';
import { Clock } from '@app/server/system/clock';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AdminOnly } from '../common/route-access.decorators';

class RunLimitsDto extends createZodDto(runLimitsSchema) {}
class UpdateRunLimitsDto extends createZodDto(updateRunLimitsSchema) {}

/** The caps on what one run may ask a backend to make (pixels per image, images per run, frames), for admins. */
@ApiTags('admin')
@AdminOnly()
@Controller('admin/limits')
export class LimitsController {
  constructor(
    private readonly limits: RunLimitsRepository,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ZodResponse({ type: RunLimitsDto })
  get(): Promise<RunLimits> {
    return this.limits.find();
  }

  @Patch()
  @ZodResponse({ type: RunLimitsDto })
  update(@Body() body: UpdateRunLimitsDto): Promise<RunLimits> {
    return this.limits.update(body, this.clock.now());
  }
}
