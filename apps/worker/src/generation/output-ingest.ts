import { Inject, Injectable } from '@nestjs/common';
import type { FormSchema } from '@app/shared/form/field-types';
import type { VideoPostprocess } from '@app/shared/workflow/output-markers';
import type { OutputFile } from '@app/server/comfy/history-outcome';
import type { ComfyBackendClient } from '@app/server/comfy/comfy-backend-client';
import { APP_CONFIG } from '@app/server/config/config.module';
import type { AppConfig } from '@app/server/config/env';
import { ingestOutput, UnsupportedMediaError } from '@app/server/media/ingest-output';
import { lineagePngText, type CozyJobText, type PromptTextInput } from '@app/server/media/png-lineage';
import type { PngTextEntry } from '@app/server/media/png-text';
import { needsPostprocess, postprocessVideo } from '@app/server/media/video-postprocess';
import type { JobPromptRecord, JobRecord, NewOutput } from '@app/server/repositories/jobs.repository';
import { pathExists } from '@app/server/storage/atomic-write';
import { rename } from 'node:fs/promises';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { v5 as uuidv5 } from 'uuid';
import type { IngestStage, StagedRecord } from './ingest-stage';
import { IngestStages } from './ingest-stages';

/** Output ids derive from the job and the file, so ingesting the same prompt twice makes the same rows and paths. */
const OUTPUT_NAMESPACE = 'c5f3a0d2-7d3e-4a57-9a55-3b7f1f0c2e61';

export interface IngestContext {
  job: JobRecord;
  workflow: { id: string; name: string; version: number };
  schema: FormSchema;
  prompts: readonly JobPromptRecord[];
  postprocess: readonly VideoPostprocess[];
}

/**
 * ARCHITECTURE step 4: every file of the prompt's history entry downloaded from its backend,
 * stored by id with its thumbnails (and J-12 chunks on PNGs), ready for one DB transaction. All
 * of it is made in the job's stage and placed only once every output is ready; a worker killed
 * part-way leaves a stage the next attempt resumes from, step by step (`IngestStage`).
 */
@Injectable()
export class OutputIngest {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stages: IngestStages,
    @InjectPinoLogger(OutputIngest.name) private readonly logger: PinoLogger,
  ) {}

  async ingest(client: ComfyBackendClient, files: readonly OutputFile[], context: IngestContext, now: number): Promise<NewOutput[]> {
    const stage = this.stages.of(context.job.id);
    const pngText = lineagePngText({ inputs: promptInputs(context), job: cozyJob(context) });
    const rows: NewOutput[] = [];
    const perNode = new Map<string, number>();
    // W-10: temp files (PreviewImage) are not outputs.
    for (const file of files.filter((f) => f.type !== 'temp')) {
      const batchIndex = perNode.get(file.nodeId) ?? 0;
      perNode.set(file.nodeId, batchIndex + 1);
      const outputId = uuidv5(`${context.job.id}/${file.nodeId}/${file.subfolder}/${file.filename}`, OUTPUT_NAMESPACE);
      const recorded = (await stage.readRecord(outputId)) ?? (await this.stageOutput(stage, client, file, { outputId, batchIndex, context, now, pngText }));
      if ('row' in recorded) rows.push(recorded.row);
    }
    for (const row of rows) await stage.place(row);
    return rows;
  }

  /** One output made in the stage from wherever an earlier attempt got to, and recorded there. */
  private async stageOutput(stage: IngestStage, client: ComfyBackendClient, file: OutputFile, output: StagedOutputContext): Promise<StagedRecord> {
    const { outputId, context } = output;
    const ready = stage.file(`${outputId}.ready`);
    if (!(await pathExists(ready))) {
      const download = stage.file(`${outputId}.download`);
      if (!(await pathExists(download))) await client.http.downloadOutput(file, download);
      const step = context.postprocess.find((s) => s.nodeId === file.nodeId);
      if (step && needsPostprocess(step)) await postprocessVideo(download, ready, step);
      else await rename(download, ready);
    }
    let record: StagedRecord;
    try {
      const stored = await ingestOutput({ config: this.config, stageDir: stage.dir, sourcePath: ready, userId: context.job.userId, outputId, createdAt: output.now, pngText: output.pngText });
      const classType = nodeClass(context, file.nodeId);
      record = { row: { id: outputId, jobId: context.job.id, userId: context.job.userId, nodeId: file.nodeId, classType, batchIndex: output.batchIndex, createdAt: output.now, ...stored } };
    } catch (error) {
      if (!(error instanceof UnsupportedMediaError)) throw error;
      this.logger.warn({ jobId: context.job.id, file: file.filename }, 'output skipped: not an image, video or audio file');
      record = { skipped: true };
    }
    await stage.writeRecord(outputId, record);
    return record;
  }
}

interface StagedOutputContext {
  outputId: string;
  batchIndex: number;
  context: IngestContext;
  now: number;
  pngText: PngTextEntry[];
}

function nodeClass(context: IngestContext, nodeId: string): string {
  const graph = context.job.compiledGraph ?? {};
  const node = Object.hasOwn(graph, nodeId) ? graph[nodeId] : undefined;
  const classType = typeof node === 'object' && node !== null && 'class_type' in node ? node.class_type : undefined;
  return typeof classType === 'string' ? classType : 'unknown';
}

/** Raw and expanded text per graph input (`<nodeId>:<input>`) for CozyGen's `cozygen_prompt_raw`. */
function promptInputs(context: IngestContext): PromptTextInput[] {
  return context.prompts.flatMap((prompt) => {
    const field = context.schema.fields.find((f) => f.name === prompt.field);
    if (field) return field.targets.map((t) => ({ nodeId: t.nodeId, input: t.input, raw: prompt.raw, expanded: prompt.expanded }));
    const [nodeId, input] = prompt.field.split('.', 2);
    return nodeId && input ? [{ nodeId, input, raw: prompt.raw, expanded: prompt.expanded }] : [];
  });
}

function cozyJob(context: IngestContext): CozyJobText {
  return { jobId: context.job.id, workflow: context.workflow, values: context.job.values, seed: context.job.seed };
}
