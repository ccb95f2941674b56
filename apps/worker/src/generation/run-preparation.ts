import { Inject, Injectable } from '@nestjs/common';
import type { FieldError } from '@app/shared/contracts/errors';
import type { ObjectInfo } from '@app/shared/comfy/object-info';
import type { FormSchema } from '@app/shared/form/field-types';
import { buildAliasIndex, type AliasIndex } from '@app/shared/prompt/alias-index';
import type { ApiGraph } from '@app/shared/workflow/api-graph';
import { prepareRun, type PrepareRunResult } from '@app/shared/workflow/prepare-run';
import type { ComfyBackendClient } from '@app/server/comfy/comfy-backend-client';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import type { JobRecord } from '@app/server/repositories/jobs.repository';
import { UploadsRepository } from '@app/server/repositories/uploads.repository';
import { storedUploadFile } from '@app/server/storage/paths';
import { readFile } from 'node:fs/promises';
import type { BackendHandle } from '../backends/backend-pool';

interface JobUpload {
  field: string;
  name: string;
  path: string;
}

/** Everything a job needs before a backend is chosen; compiling for a backend is then pure. */
export interface Preparation {
  graph: ApiGraph;
  schema: FormSchema;
  aliases: AliasIndex;
  uploads: JobUpload[];
  problem?: FieldError[];
  /** Compiles by catalogue: backends with the same catalogue share one (E-4 checks many). */
  compiled: Map<ObjectInfo | undefined, PrepareRunResult>;
}

/**
 * Expansion and compilation for a chosen backend (W-20 through the shared prepareRun), and
 * the job's images uploaded into the backend's `cg/<jobId>` subfolder (E-5).
 */
@Injectable()
export class RunPreparation {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aliases: AliasesRepository,
    private readonly uploads: UploadsRepository,
  ) {}

  async load(job: JobRecord, graph: ApiGraph, schema: FormSchema): Promise<Preparation> {
    const aliases = buildAliasIndex(await this.aliases.listForExpansion(job.userId));
    const uploads: JobUpload[] = [];
    const problem: FieldError[] = [];
    for (const field of schema.fields.filter((f) => f.type === 'image')) {
      const uploadId = job.resolvedValues[field.name];
      if (typeof uploadId !== 'string') continue;
      const upload = await this.uploads.findForUser(job.userId, uploadId);
      if (!upload) {
        problem.push({ field: `values.${field.name}`, message: 'the uploaded image was deleted' });
        continue;
      }
      const ext = upload.relPath.slice(upload.relPath.lastIndexOf('.') + 1);
      uploads.push({ field: field.name, name: `${upload.id}.${ext}`, path: storedUploadFile(this.config, { userId: job.userId, uploadId: upload.id, relPath: upload.relPath }) });
    }
    return { graph, schema, aliases, uploads, compiled: new Map(), ...(problem.length ? { problem } : {}) };
  }

  /**
   * The graph for this backend, with image names as they will be after upload (uploads keep
   * their names: they overwrite). Computed once per distinct catalogue.
   */
  compile(job: JobRecord, preparation: Preparation, backend: BackendHandle): PrepareRunResult {
    const cached = preparation.compiled.get(backend.objectInfo);
    if (cached) return cached;
    const uploads = Object.fromEntries(preparation.uploads.map((u) => [u.field, `cg/${job.id}/${u.name}`]));
    const result = prepareRun({
      graph: preparation.graph,
      schema: preparation.schema,
      resolved: job.resolvedValues,
      seed: job.seed,
      bypass: job.bypass,
      jobId: job.id,
      aliases: preparation.aliases,
      objectInfo: backend.objectInfo,
      uploads,
    });
    preparation.compiled.set(backend.objectInfo, result);
    return result;
  }

  /** Uploads into `cg/<jobId>` with overwrite, so the names the compile used hold (a retry replaces, never renames). */
  async upload(job: JobRecord, preparation: Preparation, client: ComfyBackendClient, signal: AbortSignal): Promise<void> {
    for (const upload of preparation.uploads) {
      const bytes = await readFile(upload.path);
      const answer = await client.http.uploadImage(new Uint8Array(bytes), { name: upload.name, subfolder: `cg/${job.id}`, type: 'input', overwrite: true, signal });
      if (answer.loadImageValue !== `cg/${job.id}/${upload.name}`) throw new Error(`the backend stored ${upload.name} as ${answer.loadImageValue}`);
    }
  }
}
