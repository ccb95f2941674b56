import { Inject, Injectable } from '@nestjs/common';
import { isTerminal } from '@app/shared/jobs/job-state';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import { OutputsRepository } from '@app/server/repositories/outputs.repository';
import { stagesFolder } from '@app/server/storage/paths';
import { removeStaleTemporaries } from '@app/server/storage/stale-temporaries';
import { isUuid } from '@app/server/system/ids';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { IngestStage } from './ingest-stage';

/** No write takes this long: a temporary file older than this was left by a process that died. */
const STALE_TEMPORARY_MS = 3_600_000;

/**
 * The lifetime of ingest stages: a stage lives exactly as long as its job is open. Whoever sees a
 * job ended removes its stage (the attempt that ended it, or the next worker start after a crash),
 * keeping only files a row owns.
 */
@Injectable()
export class IngestStages {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsRepository,
    private readonly outputs: OutputsRepository,
    @InjectPinoLogger(IngestStages.name) private readonly logger: PinoLogger,
  ) {}

  of(jobId: string): IngestStage {
    return new IngestStage(this.config, jobId);
  }

  /** After an attempt: the stage goes if its job has ended (or is gone); an open job keeps it for the next attempt. */
  async releaseIfEnded(jobId: string): Promise<void> {
    const stage = this.of(jobId);
    if (!(await stage.exists())) return;
    const job = await this.jobs.find(jobId);
    if (job && !isTerminal(job.status)) return;
    await this.discard(jobId);
  }

  /** The stage goes, and with it whatever it had placed that no output row owns. */
  discard(jobId: string): Promise<void> {
    return this.of(jobId).discard((ids) => this.outputs.existingIds(ids));
  }

  /**
   * At worker start: stages left by a worker killed after its job ended, anything else in the
   * stages folder, and temporary files of interrupted writes elsewhere in the media folders (an
   * older version wrote thumbnails and outputs in place).
   */
  async sweep(): Promise<void> {
    const root = stagesFolder(this.config);
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && isUuid(entry.name) && entry.name === entry.name.toLowerCase()) await this.releaseIfEnded(entry.name);
      else await rm(join(root, entry.name), { recursive: true, force: true });
    }
    const { outputs, thumbs, uploads } = this.config.paths;
    const temporaries = await removeStaleTemporaries([outputs, thumbs, uploads], { minAgeMs: STALE_TEMPORARY_MS, now: Date.now(), skip: [root] });
    if (entries.length > 0 || temporaries > 0) this.logger.info({ stages: entries.length, temporaries }, 'ingest stages and stale temporary files swept');
  }
}
