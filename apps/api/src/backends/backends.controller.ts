import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { backendListSchema, type BackendList } from '@app/shared/contracts/api/backends';
import { BackendsRepository } from '@app/server/repositories/backends.repository';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AdminOnly } from '../common/route-access.decorators';

class BackendListDto extends createZodDto(backendListSchema) {}

/** E-2: backends with their health and our jobs on each, for admins. */
@ApiTags('backends')
@AdminOnly()
@Controller('backends')
export class BackendsController {
  constructor(
    private readonly backends: BackendsRepository,
    private readonly jobs: JobsRepository,
  ) {}

  @Get()
  @ZodResponse({ type: BackendListDto })
  async list(): Promise<BackendList> {
    const [records, counts, queued] = await Promise.all([this.backends.list(), this.jobs.countByBackend(), this.jobs.countQueued()]);
    return { items: records.map((b) => ({ ...b, ...(counts.get(b.id) ?? { running: 0, waiting: 0 }) })), queued };
  }
}
