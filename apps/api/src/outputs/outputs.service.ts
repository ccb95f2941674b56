import { Inject, Injectable } from '@nestjs/common';
import type { OutputDetail, OutputList, OutputQuery } from '@app/shared/contracts/api/generations';
import { NotFoundError } from '@app/shared/contracts/errors';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import { OutputsRepository } from '@app/server/repositories/outputs.repository';
import { WorkflowsRepository } from '@app/server/repositories/workflows.repository';
import { removeQuietly } from '@app/server/storage/atomic-write';
import { storedOutputFile, thumbnailFiles } from '@app/server/storage/paths';
import { z } from 'zod';
import type { AuthUser } from '../common/auth-user';
import { decodeCursor, encodeCursor } from '../common/page-cursor';
import { JobViews } from '../generations/job-views.service';

/** The user's outputs: listing, lineage and deletion (§6, J-11). Nobody else's are ever found (U-5). */
@Injectable()
export class OutputsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outputs: OutputsRepository,
    private readonly jobs: JobsRepository,
    private readonly workflows: WorkflowsRepository,
    private readonly views: JobViews,
  ) {}

  async list(user: AuthUser, query: OutputQuery): Promise<OutputList> {
    const after = decodeCursor(query.cursor, z.tuple([z.number(), z.string()]));
    const rows = await this.outputs.listForUser(user.id, { limit: query.limit + 1, workflowId: query.workflowId, after: after && { createdAt: after[0], id: after[1] } });
    const page = rows.slice(0, query.limit);
    const names = new Map<string, string>();
    for (const id of new Set(page.map((r) => r.workflowId))) names.set(id, (await this.workflows.nameOf(id)) ?? 'deleted workflow');
    const last = page.at(-1);
    return {
      items: page.map((row) => ({ ...this.views.output(user.id, row), workflowId: row.workflowId, workflowName: names.get(row.workflowId) ?? '' })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
    };
  }

  async detail(user: AuthUser, id: string): Promise<OutputDetail> {
    const row = await this.outputs.findForUser(user.id, id);
    const job = row && (await this.jobs.findForUser(row.jobId, user.id));
    if (!row || !job) throw new NotFoundError('Output not found');
    return { output: this.views.output(user.id, row), job: await this.views.detail(job) };
  }

  /** Deletes the record, then its file and thumbnails (paths derived from the row's ids only, S-6). */
  async remove(user: AuthUser, id: string): Promise<void> {
    const row = await this.outputs.delete(user.id, id);
    if (!row) throw new NotFoundError('Output not found');
    await removeQuietly(storedOutputFile(this.config, { userId: user.id, outputId: row.id, relPath: row.relPath }), ...thumbnailFiles(this.config, row.id));
  }
}
