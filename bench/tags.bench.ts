import 'reflect-metadata';
import type { TagSearchQuery } from '@app/shared/contracts/api/tags';
import { migrateToLatest, openDatabase } from '@app/server/db/database';
import { TagsRepository } from '@app/server/repositories/tags.repository';
import { loadTagList } from '@app/server/tags/load-tag-list';
import { readTagList } from '@app/server/tags/read-tag-list';
import { SHIPPED_TAG_FILE, seedTagList } from '@app/server/tags/shipped-tags';
import { TagListsRepository } from '@app/server/tags/tag-lists.repository';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TagsService } from '../apps/api/src/tags/tags.service';
import { median, ms, percentile } from './support/stats';

/**
 * N-7: the shipped 140,782-tag list loaded into a fresh SQLite file (parse, rows, aliases, FTS),
 * then `GET /api/tags` searches as the service runs them (no HTTP), each query ROUNDS times, and
 * tag validation of a typical prompt. A second load measures replacing the list while it serves.
 */
const ROUNDS = 30;

const TYPICAL: Record<string, string[]> = {
  '1 char': ['a', 's', 'b', 'h', '1', 'g', 'w', 'e'],
  '2 chars': ['lo', 'bl', 'sw', 'ha', 'gi', 'sm', 'sk', 'ey', 'dr', 'wh'],
  '3 chars': ['lon', 'blu', 'sho', 'hai', 'ski', 'swo', 'thi', 'ope'],
  'whole words': ['long_hair', 'smile', 'sword', 'dress', 'blue eyes', 'school uniform', 'thighhighs', 'ponytail', 'looking at viewer'],
  fragments: ['hair long', 'eyes blue', 'uniform school', 'sleeves long', 'hair_red', 'skirt pleated'],
};
/** Reported apart: 1–2 characters hardly any tag contains, and a miss. */
const RARE = ['qz', 'xq', '√', 'zzzzqqq'];

async function timeQueries(service: TagsService, queries: readonly Partial<TagSearchQuery>[]): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const started = performance.now();
      await service.search({ q: '', sort: 'count', limit: 20, ...query });
      times.push(performance.now() - started);
    }
  }
  return times;
}

export async function runTagsBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-tags-'));
  const db = openDatabase({ kind: 'sqlite', file: join(dir, 'studio.sqlite') });
  try {
    await migrateToLatest(db);
    const lists = new TagListsRepository(db);
    const service = new TagsService(new TagsRepository(db));
    let started = performance.now();
    const loaded = await seedTagList(lists, () => undefined);
    const loadMs = performance.now() - started;

    await timeQueries(service, Object.values(TYPICAL).flat().map((q) => ({ q })));
    const result: Record<string, number> = { tags: loaded, loadMs };
    const typical: number[] = [];
    for (const [group, queries] of Object.entries(TYPICAL)) {
      const times = await timeQueries(service, queries.map((q) => ({ q })));
      typical.push(...times);
      result[`${group} p95`] = percentile(times, 95);
    }
    result.typicalP50 = median(typical);
    result.typicalP95 = percentile(typical, 95);
    result.alphaP95 = percentile(await timeQueries(service, TYPICAL['3 chars']?.map((q) => ({ q, sort: 'alpha' as const })) ?? []), 95);
    result.categoryP95 = percentile(await timeQueries(service, ['lo', 'hair', 'a'].map((q) => ({ q, category: 'character' }))), 95);
    result.emptyQueryP95 = percentile(await timeQueries(service, [{}, { limit: 200 }, { minCount: 10_000 }]), 95);
    result.rareP95 = percentile(await timeQueries(service, RARE.map((q) => ({ q }))), 95);

    const page2 = await service.search({ q: 'hair', sort: 'count', limit: 20 });
    result.secondPageP95 = percentile(await timeQueries(service, [{ q: 'hair', cursor: page2.nextCursor ?? undefined }]), 95);

    const prompt = '1girl, solo, lnog_hair, blue eyes, smile, (school uniform:1.2), pleated skirt, masterpiece, looking at viewer, outdoors, cherry blosoms';
    const validate: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const at = performance.now();
      await service.validate(prompt);
      validate.push(performance.now() - at);
    }
    result.validateP95 = percentile(validate, 95);

    const read = readTagList(readFileSync(SHIPPED_TAG_FILE, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    started = performance.now();
    await loadTagList(lists, { source: 'again', format: read.format, tags: read.tags }, { now: Date.now });
    result.replaceMs = performance.now() - started;
    return result;
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runTagsBench()
    .then((r) => {
      const groups = Object.keys(TYPICAL).map((group) => `${group} ${ms(r[`${group} p95`] ?? 0)}`);
      process.stdout.write(
        [
          `N-7 load: ${(r.tags ?? 0).toLocaleString('en-US')} tags (parse, rows, aliases, FTS) in ${ms(r.loadMs ?? 0)} (target < 10 s); replacing the served list ${ms(r.replaceMs ?? 0)}`,
          `N-7 search, typical queries: p50 ${ms(r.typicalP50 ?? 0)}, p95 ${ms(r.typicalP95 ?? 0)} (target p95 < 10 ms); p95 by kind: ${groups.join(', ')}`,
          `    sort=alpha p95 ${ms(r.alphaP95 ?? 0)}, category filter p95 ${ms(r.categoryP95 ?? 0)}, empty q p95 ${ms(r.emptyQueryP95 ?? 0)}, second page p95 ${ms(r.secondPageP95 ?? 0)}, rare 1–2 chars / misses p95 ${ms(r.rareP95 ?? 0)}`,
          `T-7 validation of an 11-tag prompt: p95 ${ms(r.validateP95 ?? 0)}`,
        ].join('\n') + '\n',
      );
      process.stdout.write(`${JSON.stringify({ bench: 'tags', ...r })}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
