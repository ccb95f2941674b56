import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import { isSqlite } from '../tags/sql-dialect';
import { splitLines } from '../tags/tag-keys';
import { ftsPhrase, PREFIX_TOP, TagMatchSql, type TextMatch } from '../tags/tag-match-sql';

/** The tag list being served. */
export interface ActiveTagList {
  id: number;
  source: string;
  format: string;
  count: number;
  loadedAt: number;
}

export interface TagFilter {
  category?: string;
  minCount?: number;
}

export type TagOrder = 'count' | 'alpha';

/** Where a page ended: the rank tier of its last tag (0 for `alpha`), that tag's count and key. */
export interface TagCursor {
  tier: number;
  count: number;
  key: string;
}

export interface TagSearch {
  /** `tagKey(q)`; "" lists every tag. */
  key: string;
  fragments: readonly string[];
  filter: TagFilter;
  order: TagOrder;
  limit: number;
  after?: TagCursor;
}

export interface TagHit {
  tier: number;
  name: string;
  nameKey: string;
  category: string;
  count: number;
  aliases: string[];
  aliasKeys: string[];
}

/** A group of matches read in order (see `readTier`). */
interface Tier {
  where?: RawBuilder<SqlBool>;
  /** Try the first SCAN_BUDGET tags in order before any index: for 1–2 character texts. */
  scan?: boolean;
  /** `where` holds `id in (few candidates)`: read those, not an index in rank order. */
  driven?: boolean;
  /** Narrow to the FTS5 candidates of this match (SQLite). */
  match?: TextMatch;
}

/** Rows read in rank order before an index takes over: short, popular substrings end here. */
const SCAN_BUDGET = 4000;
/** Trigrams a 1–2 character substring may expand to; beyond, a plain scan is the cheaper plan. */
const MAX_FTS_TERMS = 2000;
/** Keys per `in (…)` lookup. */
const LOOKUP_CHUNK = 500;

const COLUMNS = ['name', 'nameKey', 'category', 'count', 'aliases', 'aliasKeys'] as const;

/** Texts under 3 characters: no trigram holds them whole, and they are common. */
function isShort(text: string): boolean {
  return [...text].length < 3;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reads the active tag list (T-4, T-7): ranked search with keyset paging, categories, and the
 * lookups tag validation needs. SQLite-only SQL (the FTS5 trigram index) sits behind `sqlite`.
 */
@Injectable()
export class TagsRepository {
  private readonly sqlite: boolean;
  private readonly match: TagMatchSql;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    this.sqlite = isSqlite(db);
    this.match = new TagMatchSql(this.sqlite);
  }

  activeList(): Promise<ActiveTagList | undefined> {
    return this.db
      .selectFrom('tagLists')
      .select(['id', 'source', 'format', 'count', sql<number>`coalesce(${sql.ref('loadedAt')}, 0)`.as('loadedAt')])
      .where('state', '=', 'active')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  categories(listId: number): Promise<{ category: string; count: number }[]> {
    return this.db.selectFrom('tagListCategories').select(['category', 'count']).where('listId', '=', listId).orderBy('count', 'desc').orderBy('category').execute();
  }

  /** Up to `limit + 1` tags in rank order after the cursor, so the caller sees whether more follow. */
  async search(listId: number, search: TagSearch): Promise<TagHit[]> {
    const tiers = this.tiers(listId, search);
    const need = search.limit + 1;
    const hits: TagHit[] = [];
    for (let tier = search.after?.tier ?? 0; tier < tiers.length && hits.length < need; tier++) {
      const after = search.after?.tier === tier ? search.after : undefined;
      const spec = tiers[tier];
      if (!spec) break;
      const rows = await this.readTier(listId, spec, { ...search, after }, need - hits.length);
      hits.push(...rows.map((row) => ({ ...row, tier, aliases: splitLines(row.aliases), aliasKeys: splitLines(row.aliasKeys) })));
    }
    return hits;
  }

  /** Which of these keys are tag names. */
  async findNames(listId: number, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(keys, LOOKUP_CHUNK)) {
      const rows = await this.db.selectFrom('tags').select('nameKey').where('listId', '=', listId).where('nameKey', 'in', part).execute();
      for (const row of rows) found.add(row.nameKey);
    }
    return found;
  }

  /** Alias key → the name of the tag it stands for (the most popular when several claim it). */
  async findAliasTargets(listId: number, keys: readonly string[]): Promise<Map<string, string>> {
    const targets = new Map<string, string>();
    for (const part of chunks(keys, LOOKUP_CHUNK)) {
      const rows = await this.db
        .selectFrom('tagAliases as a')
        .innerJoin('tags as t', 't.id', 'a.tagId')
        .select(['a.aliasKey', 't.name'])
        .where('a.listId', '=', listId)
        .where('a.aliasKey', 'in', part)
        .orderBy('t.count', 'desc')
        .execute();
      for (const row of rows) if (!targets.has(row.aliasKey)) targets.set(row.aliasKey, row.name);
    }
    return targets;
  }

  /** Names holding every fragment, most popular first (T-7's candidate scan). */
  async findContainingAll(listId: number, fragments: readonly string[], limit: number): Promise<string[]> {
    if (fragments.length === 0 || limit <= 0) return [];
    const match: TextMatch = { fragments };
    const rows = await this.readTier(listId, { where: this.match.matches(match), scan: fragments.every(isShort), match }, { filter: {}, order: 'count' }, limit);
    return rows.map((row) => row.name);
  }

  /**
   * `order=count` ranks exact name, name prefix, alias prefix, then any other match (T-4);
   * `alpha` and the empty query are one group.
   */
  private tiers(listId: number, { key, fragments, order }: TagSearch): Tier[] {
    if (key === '') return [{}];
    const scan = isShort(key);
    const match: TextMatch = { substring: key, fragments: fragments.length === 1 && fragments[0] === key ? [] : fragments };
    if (order === 'alpha') return [{ where: this.match.matches(match), scan, match }];
    const nameKey = sql.ref('nameKey');
    const aliased = sql<SqlBool>`${sql.ref('id')} in (select ${sql.ref('tagId')} from ${sql.table('tagAliases')} where ${sql.ref('listId')} = ${listId} and ${sql.ref('aliasKey')} >= ${key} and ${sql.ref('aliasKey')} < ${key + PREFIX_TOP})`;
    return [
      { where: sql<SqlBool>`${nameKey} = ${key}` },
      { where: sql<SqlBool>`(${nameKey} > ${key} and ${nameKey} < ${key + PREFIX_TOP})`, scan },
      { where: sql<SqlBool>`${aliased} and not ${this.match.namePrefix(key)}`, driven: true },
      { where: sql<SqlBool>`${this.match.matches(match)} and not ${this.match.namePrefix(key)} and not ${this.match.aliasPrefix(key)}`, scan, match },
    ];
  }

  /**
   * A tier's rows in order. Dense matches are found by reading the first SCAN_BUDGET tags in
   * order and filtering; when that yields too few, the index answers: the tier's own condition
   * (an indexed range), or for substrings the FTS5 candidates.
   */
  private async readTier(listId: number, tier: Tier, search: Pick<TagSearch, 'filter' | 'order' | 'after'>, need: number) {
    if (tier.scan) {
      const inner = this.ordered(listId, search, false).limit(SCAN_BUDGET);
      let scan = this.db.selectFrom(inner.as('t')).selectAll();
      if (tier.where) scan = scan.where(tier.where);
      scan = search.order === 'count' ? scan.orderBy('count', 'desc').orderBy('nameKey') : scan.orderBy('nameKey');
      const scanned = await scan.limit(need).execute();
      if (scanned.length >= need) return scanned;
    }
    const candidates = tier.match && this.sqlite ? await this.ftsCandidates(tier.match) : undefined;
    if (candidates === 'none') return [];
    let query = this.ordered(listId, search, tier.driven === true || candidates !== undefined);
    if (tier.where) query = query.where(tier.where);
    if (candidates) query = query.where(candidates);
    return query.limit(need).execute();
  }

  /**
   * The list's tags after the cursor, in order. `driven`: the caller's condition names a few
   * candidate ids; `+list_id` keeps SQLite from walking the rank index and probing each row
   * against them (a full scan when they are few), so it reads the candidates and sorts them.
   */
  private ordered(listId: number, { filter, order, after }: Pick<TagSearch, 'filter' | 'order' | 'after'>, driven: boolean) {
    let query = this.db
      .selectFrom('tags')
      .select(COLUMNS)
      .where(driven ? sql<number>`+${sql.ref('listId')}` : sql.ref('listId'), '=', listId);
    if (filter.category !== undefined) query = query.where('category', '=', filter.category);
    if (filter.minCount !== undefined) query = query.where('count', '>=', filter.minCount);
    if (order === 'alpha') {
      if (after) query = query.where('nameKey', '>', after.key);
      return query.orderBy('nameKey');
    }
    if (after) query = query.where('count', '<=', after.count).where((eb) => eb.or([eb('count', '<', after.count), eb('nameKey', '>', after.key)]));
    return query.orderBy('count', 'desc').orderBy('nameKey');
  }

  /**
   * `id in (FTS matches)` for a substring or fragment match, 'none' when no tag can match, or
   * undefined when the text is too common for the index to help.
   */
  private async ftsCandidates(match: TextMatch): Promise<RawBuilder<SqlBool> | 'none' | undefined> {
    const parts: string[] = [];
    if (match.substring !== undefined) {
      const terms = await this.ftsTerms(match.substring);
      if (!terms) return undefined;
      if (terms.length > 0) parts.push(terms.join(' OR '));
    }
    if (match.fragments.length > 0) {
      const groups: string[] = [];
      let impossible = false;
      // Long fragments narrow enough; short ones expand to many trigrams and are left to `where`.
      const long = match.fragments.filter((fragment) => !isShort(fragment));
      for (const fragment of long.length > 0 ? long : match.fragments) {
        const terms = await this.ftsTerms(fragment);
        // Too common a fragment narrows nothing; one no tag holds rules the whole part out.
        if (terms === undefined) continue;
        if (terms.length === 0) impossible = true;
        else groups.push(`(${terms.join(' OR ')})`);
      }
      if (!impossible && groups.length === 0) return undefined;
      if (!impossible) parts.push(`name_key : (${groups.join(' AND ')})`);
    }
    if (parts.length === 0) return 'none';
    const expression = parts.map((part) => `(${part})`).join(' OR ');
    return sql<SqlBool>`${sql.ref('id')} in (select rowid from tags_fts where tags_fts match ${expression})`;
  }

  /**
   * FTS5 strings matching every text containing `needle`: the needle itself from 3 characters;
   * shorter, every indexed trigram that starts with it (texts are indexed with trailing newlines,
   * so a needle at the very end still starts a trigram).
   */
  private async ftsTerms(needle: string): Promise<string[] | undefined> {
    if ([...needle].length >= 3) return [ftsPhrase(needle)];
    const rows = await sql<{ term: string }>`select term from tags_fts_vocab where term >= ${needle} and term < ${needle + PREFIX_TOP} limit ${MAX_FTS_TERMS + 1}`.execute(this.db);
    return rows.rows.length > MAX_FTS_TERMS ? undefined : rows.rows.map((row) => ftsPhrase(row.term));
  }
}
