import { Injectable } from '@nestjs/common';
import type { Tag, TagCategoryList, TagPage, TagSearchQuery, TagValidation } from '@app/shared/contracts/api/tags';
import { findUnknownTags } from '@app/shared/tags/tag-suggestions';
import { TagsRepository, type TagHit } from '@app/server/repositories/tags.repository';
import { withTagLookup } from '@app/server/tags/batched-tag-lookup';
import { tagFragments, tagKey } from '@app/server/tags/tag-keys';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../common/page-cursor';

/** Keyset of tag pages: (rank tier, post count, name key). */
const TAG_CURSOR = z.tuple([z.number().int().min(0).max(3), z.number().int(), z.string().max(400)]);

/** The alias `key` matched when the name did not (T-5 shows `longhair → long_hair`). */
function matchedAlias(hit: TagHit, key: string, fragments: readonly string[]): string | undefined {
  if (key === '' || hit.nameKey.includes(key)) return undefined;
  if (fragments.length > 0 && fragments.every((fragment) => hit.nameKey.includes(fragment))) return undefined;
  const prefix = hit.aliasKeys.findIndex((alias) => alias.startsWith(key));
  const index = prefix >= 0 ? prefix : hit.aliasKeys.findIndex((alias) => alias.includes(key));
  return hit.aliases[index];
}

function toTag(hit: TagHit, key: string, fragments: readonly string[]): Tag {
  const alias = matchedAlias(hit, key, fragments);
  return { name: hit.name, category: hit.category, count: hit.count, aliases: hit.aliases, ...(alias === undefined ? {} : { matchedAlias: alias }) };
}

/** The server-wide tag list for everyone (T-4, T-7): search, categories, validation. */
@Injectable()
export class TagsService {
  constructor(private readonly tags: TagsRepository) {}

  async search(query: TagSearchQuery): Promise<TagPage> {
    const cursor = decodeCursor(query.cursor, TAG_CURSOR);
    const after = cursor && { tier: cursor[0], count: cursor[1], key: cursor[2] };
    const list = await this.tags.activeList();
    if (!list) return { items: [], nextCursor: null };
    const key = tagKey(query.q);
    const fragments = tagFragments(key);
    const filter = { category: query.category?.toLowerCase(), minCount: query.minCount };
    const hits = await this.tags.search(list.id, { key, fragments, filter, order: query.sort, limit: query.limit, after });
    const page = hits.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((hit) => toTag(hit, key, fragments)),
      nextCursor: hits.length > query.limit && last ? encodeCursor([last.tier, last.count, last.nameKey]) : null,
    };
  }

  async categories(): Promise<TagCategoryList> {
    const list = await this.tags.activeList();
    if (!list) return { items: [], total: 0, list: null };
    const format = list.format === 'cozygen-markdown' ? 'cozygen-markdown' : 'csv';
    return { items: await this.tags.categories(list.id), total: list.count, list: { source: list.source, format, loadedAt: list.loadedAt } };
  }

  /** Advisory: with no list loaded yet, nothing is flagged. */
  async validate(text: string): Promise<TagValidation> {
    const list = await this.tags.activeList();
    if (!list) return { unknown: [] };
    const unknown = await withTagLookup(
      {
        findNames: (keys) => this.tags.findNames(list.id, keys),
        findAliasTargets: (keys) => this.tags.findAliasTargets(list.id, keys),
        findContainingAll: (fragments, limit) => this.tags.findContainingAll(list.id, fragments, limit),
      },
      (lookup) => findUnknownTags(text, lookup),
    );
    return { unknown: unknown.map(({ term, start, end, suggestions }) => ({ tag: term, start, end, suggestions })) };
  }
}
