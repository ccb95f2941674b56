import { Inject, Injectable } from '@nestjs/common';
import { tokenScopeSchema, type ApiToken, type TokenScope } from '@app/shared/contracts/api/tokens';
import { z } from 'zod';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { ApiTokenRow } from '../db/schema';

const scopesSchema = z.array(tokenScopeSchema);

export interface ApiTokenOwner {
  tokenId: string;
  userId: string;
  scopes: TokenScope[];
  lastUsedAt: number | null;
  expiresAt: number | null;
}

function toApiToken(row: Pick<ApiTokenRow, 'id' | 'name' | 'scopes' | 'createdAt' | 'lastUsedAt' | 'expiresAt'>): ApiToken {
  return { ...row, scopes: scopesSchema.parse(JSON.parse(row.scopes)) };
}

/** Personal API tokens (U-7); only a SHA-256 of the secret is stored. */
@Injectable()
export class ApiTokensRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(token: { id: string; userId: string; name: string; tokenHash: string; scopes: TokenScope[]; createdAt: number; expiresAt: number | null }): Promise<ApiToken> {
    await this.db
      .insertInto('apiTokens')
      .values({ ...token, scopes: JSON.stringify(token.scopes), lastUsedAt: null, revokedAt: null })
      .execute();
    return { id: token.id, name: token.name, scopes: token.scopes, createdAt: token.createdAt, lastUsedAt: null, expiresAt: token.expiresAt };
  }

  async listForUser(userId: string): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('apiTokens')
      .select(['id', 'name', 'scopes', 'createdAt', 'lastUsedAt', 'expiresAt'])
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .execute();
    return rows.map(toApiToken);
  }

  /** The live token with this hash: not revoked, not expired, owner active. */
  async findUsable(tokenHash: string, now: number): Promise<ApiTokenOwner | undefined> {
    const row = await this.db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .select(['apiTokens.id as tokenId', 'apiTokens.userId as userId', 'apiTokens.scopes as scopes', 'apiTokens.lastUsedAt as lastUsedAt', 'apiTokens.expiresAt as expiresAt'])
      .where('apiTokens.tokenHash', '=', tokenHash)
      .where('apiTokens.revokedAt', 'is', null)
      .where((eb) => eb.or([eb('apiTokens.expiresAt', 'is', null), eb('apiTokens.expiresAt', '>', now)]))
      .where('users.state', '=', 'active')
      .executeTakeFirst();
    return row && { ...row, scopes: scopesSchema.parse(JSON.parse(row.scopes)) };
  }

  async touch(tokenId: string, now: number): Promise<void> {
    await this.db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', tokenId).execute();
  }

  /** True when a live token of this user was revoked. */
  async revoke(userId: string, tokenId: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('apiTokens')
      .set({ revokedAt: now })
      .where('id', '=', tokenId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Revokes every live token of the user (password change or reset, account disabled); how many. */
  async revokeAllForUser(userId: string, now: number): Promise<number> {
    const result = await this.db.updateTable('apiTokens').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
