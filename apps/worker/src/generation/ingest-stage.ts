import type { OutputFile } from '@app/server/comfy/history-outcome';
import { placeOutput, removePlacedOutput } from '@app/server/media/ingest-output';
import type { NewOutput } from '@app/server/repositories/jobs.repository';
import { pathExists, writeFileAtomic } from '@app/server/storage/atomic-write';
import { stageFolder, type StorageConfig } from '@app/server/storage/paths';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const outputFileSchema = z.object({ nodeId: z.string(), key: z.string(), filename: z.string(), subfolder: z.string(), type: z.string(), format: z.string().optional() });
const manifestSchema = z.object({ files: z.array(outputFileSchema) });

const nullableNumber = z.number().nullable();
const rowSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  userId: z.string(),
  nodeId: z.string(),
  classType: z.string(),
  batchIndex: z.number(),
  kind: z.string(),
  mime: z.string(),
  ext: z.string(),
  width: nullableNumber,
  height: nullableNumber,
  durationMs: nullableNumber,
  frames: nullableNumber,
  fps: nullableNumber,
  bytes: z.number(),
  sha256: z.string(),
  relPath: z.string(),
  thumbhash: z.string().nullable(),
  createdAt: z.number(),
}) satisfies z.ZodType<NewOutput>;

/** An output made in the stage (its row, to record), or a file that was not media (skipped, W-10). */
const recordSchema = z.union([z.object({ row: rowSchema }), z.object({ skipped: z.literal(true) })]);
export type StagedRecord = z.infer<typeof recordSchema>;

const MANIFEST = 'manifest.json';

/**
 * One job's ingest stage (`<outputs>/.incoming/<jobId>`), which lets the next worker finish an
 * ingest a killed one began (J-10) without asking the backend to run the prompt again:
 * - `manifest.json`: the prompt's output files, written before the job is marked `ingesting`;
 * - `<outputId>.download`, then `<outputId>.ready` (post-processed): each file once complete;
 * - `<outputId>.<ext>` and `<outputId>-<size>.webp`: the stored output and its thumbnails;
 * - `<outputId>.json`: its row, once all of that is complete.
 * Every step is complete or absent, so a resumed ingest redoes at most the step that was cut off.
 */
export class IngestStage {
  readonly dir: string;

  constructor(
    private readonly config: StorageConfig,
    jobId: string,
  ) {
    this.dir = stageFolder(config, jobId);
  }

  file(name: string): string {
    return join(this.dir, name);
  }

  exists(): Promise<boolean> {
    return pathExists(this.dir);
  }

  writeManifest(files: readonly OutputFile[]): Promise<void> {
    return this.writeJson(MANIFEST, { files });
  }

  async readManifest(): Promise<OutputFile[] | undefined> {
    return (await this.readJson(MANIFEST, manifestSchema))?.files;
  }

  readRecord(outputId: string): Promise<StagedRecord | undefined> {
    return this.readJson(`${outputId}.json`, recordSchema);
  }

  writeRecord(outputId: string, record: StagedRecord): Promise<void> {
    return this.writeJson(`${outputId}.json`, record);
  }

  /** Moves a staged output into place; again after a crash, it completes what was left. */
  place(row: NewOutput): Promise<void> {
    return placeOutput(this.config, this.dir, row);
  }

  /**
   * Removes the stage. Outputs it had already placed that no row owns (`owned` answers which do)
   * are removed from their final places first, so the job leaves no file nobody owns.
   */
  async discard(owned: (ids: readonly string[]) => Promise<ReadonlySet<string>>): Promise<void> {
    const rows = await this.recordedRows();
    const kept = await owned(rows.map((row) => row.id));
    for (const row of rows) if (!kept.has(row.id)) await removePlacedOutput(this.config, this.dir, row);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async recordedRows(): Promise<NewOutput[]> {
    const names = await readdir(this.dir).catch(() => []);
    const records = await Promise.all(names.filter((name) => name.endsWith('.json') && name !== MANIFEST).map((name) => this.readJson(name, recordSchema)));
    return records.flatMap((record) => (record && 'row' in record ? [record.row] : []));
  }

  private writeJson(name: string, value: unknown): Promise<void> {
    return writeFileAtomic(this.file(name), Buffer.from(JSON.stringify(value)));
  }

  /** Absent, unreadable or not in the expected shape: as if that step never happened. */
  private async readJson<T>(name: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const text = await readFile(this.file(name), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
