import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { healthSchema, type Health } from '@app/shared/contracts/api/health';
import type { Database } from '@app/server/db/database';
import { DATABASE } from '@app/server/db/database.tokens';
import { REDIS } from '@app/server/redis/redis.module';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Public } from '../common/route-access.decorators';

class HealthDto extends createZodDto(healthSchema) {}

/** Redis refuses at once while it is away; this bounds a database or Redis that hangs instead. */
const PROBE_TIMEOUT_MS = 1000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref())]);
}

/** N-16: public liveness with the state of the database and Redis; 503 when either is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ZodResponse({ type: HealthDto })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [db, redis] = await Promise.all([
      withTimeout(sql`select 1`.execute(this.db)).then(() => 'up' as const, () => 'down' as const),
      withTimeout(this.redis.ping()).then(() => 'up' as const, () => 'down' as const),
    ]);
    const status = db === 'up' && redis === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') response.status(503);
    return { status, db, redis };
  }
}
