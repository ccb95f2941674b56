import { Injectable } from '@nestjs/common';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { formatAliasKey } from '@app/shared/prompt/alias-syntax';
import { z } from 'zod';
import { AliasesService } from './aliases.service';
import type { CopyAlias, SharedAliasList, SharedAliasListQuery } from '@app/shared/contracts/api/aliases';
import { decodeCursor, encodeCursor } from '../common/page-cursor';
import { SharedAliasesRepository, type SharedAliasCursor } from './shared-aliases.repository';

const cursorSchema = z.tuple([z.string(), z.string()]);

function sharedCursor(key: [string, string] | undefined): SharedAliasCursor | undefined {
  return key && { key: key[0], id: key[1] };
}

/**
 * U-5, A-8: everyone's shared aliases, read-only, and copying one into the caller's library.
 * Expansion reads only the caller's own aliases, so a shared alias counts for nobody else until copied.
 */
@Injectable()
export class SharedAliasesService {
  constructor(
    private readonly shared: SharedAliasesRepository,
    private readonly aliases: AliasesService,
  ) {}

  async list(viewerId: string, query: SharedAliasListQuery): Promise<SharedAliasList> {
    const rows = await this.shared.list(viewerId, query.q ? query.q.toLowerCase() : undefined, sharedCursor(decodeCursor(query.cursor, cursorSchema)), query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ sortKey: _sortKey, ...alias }) => ({ ...alias, key: formatAliasKey(alias.category, alias.name) })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  }

  /** Creates the caller's own private alias with the shared text; a key they already use is a 409. */
  async copy(viewerId: string, id: string, input: CopyAlias): Promise<Alias> {
    const source = await this.shared.find(viewerId, id);
    if (!source) throw new NotFoundError('Shared alias not found');
    return this.aliases.create(viewerId, {
      category: input.category === undefined ? source.category : input.category,
      name: input.name ?? source.name,
      text: source.text,
      shared: false,
    });
  }
}
