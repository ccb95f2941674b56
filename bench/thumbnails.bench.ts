import { loadConfig } from '@app/server/config/env';
import { ingestOutput, placeOutput } from '@app/server/media/ingest-output';
import { lineagePngText } from '@app/server/media/png-lineage';
import { tempFolder } from '@app/server/media/testing/sample-media';
import { newId } from '@app/server/system/ids';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * N-6: output ingest with thumbnails (sniff, lineage chunks, probe, SHA-256, both WebP
 * thumbnails and the ThumbHash, atomic writes) against the least a naive thumbnailer does
 * with sharp for the same files: one resize to 768 px and one to 256 px, each WebP q80 from
 * the file. Both run one file at a time; target ratio ≥ 0.8.
 */

export interface ThumbnailBenchResult {
  files: number;
  ingestPerSecond: number;
  rawPerSecond: number;
  ratio: number;
}

const ROUNDS = 5;
const USER = newId();

/** ComfyUI-like content: smooth gradients with fine noise, so PNGs compress like real renders. */
function renderLike(width: number, height: number, seed: number): Buffer {
  const rgb = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < rgb.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const pixel = Math.floor(i / 3);
    const x = pixel % width;
    const y = Math.floor(pixel / width);
    const base = [x / width, y / height, (x + y) / (width + height)][i % 3] ?? 0;
    rgb[i] = Math.min(255, Math.round(base * 220) + (state % 24));
  }
  return rgb;
}

async function makeSamples(dir: string): Promise<string[]> {
  const specs: [format: 'png' | 'jpeg', width: number, height: number][] = [
    ['png', 1024, 1024],
    ['png', 832, 1216],
    ['png', 1216, 832],
    ['png', 512, 768],
    ['jpeg', 1024, 1024],
    ['jpeg', 1536, 1024],
  ];
  return Promise.all(
    specs.map(async ([format, width, height], index) => {
      const path = join(dir, `sample-${index}.${format}`);
      await writeFile(path, await sharp(renderLike(width, height, index + 1), { raw: { width, height, channels: 3 } }).toFormat(format).toBuffer());
      return path;
    }),
  );
}

async function rawSharpRound(files: readonly string[]): Promise<number> {
  const started = process.hrtime.bigint();
  for (const file of files) {
    await sharp(file).resize({ width: 768, height: 768, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    await sharp(file).resize({ width: 256, height: 256, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function ingestRound(files: readonly string[], dataDir: string, downloads: string): Promise<number> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const pngText = lineagePngText({ inputs: [{ nodeId: '6', input: 'text', raw: '$subject, __style__', expanded: 'a lighthouse, watercolour' }], job: { jobId: newId(), workflow: { id: newId(), name: 'bench', version: 1 }, values: { seed: 1 }, seed: 1 } });
  // The downloads exist before ingest starts, as they do after a real download.
  const sources = await Promise.all(files.map(async (file, index) => {
    const source = join(downloads, `${newId()}-${index}.tmp`);
    await copyFile(file, source);
    return source;
  }));
  const started = process.hrtime.bigint();
  for (const sourcePath of sources) {
    const outputId = newId();
    const stored = await ingestOutput({ config, stageDir: downloads, sourcePath, userId: USER, outputId, createdAt: Date.now(), pngText });
    await placeOutput(config, downloads, { id: outputId, userId: USER, ...stored });
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function runThumbnailBench(): Promise<ThumbnailBenchResult> {
  const folder = await tempFolder('cs-bench-thumbs-');
  try {
    const files = await makeSamples(folder.dir);
    // Distinct paths per round: sharp caches decoded input by file name.
    await rawSharpRound(files);
    await ingestRound(files, join(folder.dir, 'warmup'), folder.dir);
    const raw: number[] = [];
    const ingest: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const copies = await Promise.all(files.map(async (file, index) => {
        const copy = join(folder.dir, `round-${round}-${index}-${file.split('/').pop() ?? ''}`);
        await copyFile(file, copy);
        return copy;
      }));
      raw.push(await rawSharpRound(copies));
      ingest.push(await ingestRound(files, join(folder.dir, `data-${round}`), folder.dir));
    }
    const rawPerSecond = files.length / median(raw);
    const ingestPerSecond = files.length / median(ingest);
    return { files: files.length, ingestPerSecond, rawPerSecond, ratio: ingestPerSecond / rawPerSecond };
  } finally {
    await folder.remove();
  }
}

if (require.main === module) {
  runThumbnailBench()
    .then((result) => {
      process.stdout.write(
        `N-6 thumbnails: ingest ${result.ingestPerSecond.toFixed(1)} files/s, raw sharp resize ${result.rawPerSecond.toFixed(1)} files/s, ratio ${result.ratio.toFixed(2)} (target ≥ 0.80) over ${result.files} files × ${ROUNDS} rounds\n`,
      );
      process.stdout.write(`${JSON.stringify({ bench: 'thumbnails', ...result })}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
