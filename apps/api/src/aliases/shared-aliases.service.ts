import { Injectable } from '@nestjs/common';
import type { Alias } from '@app/shared/contracts/api/aliases';
import { NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { formatAliasKey } from '@app/shared/prompt/alias-syntax';
import { z } from 'zod';
import { AliasesService } from './aliases.service';
import type { CopyAlias, SharedAliasList, SharedAliasListQuery } from './shared-aliases.dto';
import { SharedAliasesRepository, type SharedAliasCursor } from './shared-aliases.repository';

const cursorSchema = z.tuple([z.string(), z.string()]);

function encodeCursor({ key, id }: SharedAliasCursor): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): SharedAliasCursor | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [key, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { key, id };
  } catch {
    throw new ValidationError('Invalid cursor', [{ field: 'query.cursor', message: 'is not a cursor this api gave out' }]);
  }
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
    const rows = await this.shared.list(viewerId, query.q ? query.q.toLowerCase() : undefined, decodeCursor(query.cursor), query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ sortKey: _sortKey, ...alias }) => ({ ...alias, key: formatAliasKey(alias.category, alias.name) })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
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
