import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { SessionRow } from '../db/schema';

export type SessionRecord = Omit<SessionRow, 'revokedReason'>;

export type RotateResult =
  | { kind: 'rotated'; session: SessionRecord }
  | { kind: 'unknown' }
  | { kind: 'reused'; sessionId: string; userId: string }
  | { kind: 'ended'; sessionId: string };

export interface SessionTimeouts {
  idleMs: number;
}

/** Login sessions and their refresh-token families (S-18). */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(session: Omit<SessionRecord, 'revokedAt'>, refreshTokenHash: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('sessions').values({ ...session, revokedAt: null }).execute();
      await trx.insertInto('refreshTokens').values({ tokenHash: refreshTokenHash, sessionId: session.id, createdAt: session.createdAt, usedAt: null }).execute();
    });
  }

  /**
   * Exchanges a refresh token for a new one in the same family. A token that was already
   * rotated out is reuse (a stolen copy, or a replay): the whole session is revoked.
   */
  async rotate(tokenHash: string, newTokenHash: string, now: number, timeouts: SessionTimeouts): Promise<RotateResult> {
    return this.db.transaction().execute(async (trx): Promise<RotateResult> => {
      const token = await trx.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
      if (!token) return { kind: 'unknown' };
      const session = await trx
        .selectFrom('sessions')
        .select(['id', 'userId', 'userAgent', 'ip', 'createdAt', 'lastSeenAt', 'expiresAt', 'revokedAt'])
        .where('id', '=', token.sessionId)
        .executeTakeFirstOrThrow();
      if (session.revokedAt !== null) return { kind: 'ended', sessionId: session.id };
      if (token.usedAt !== null) {
        await trx.updateTable('sessions').set({ revokedAt: now, revokedReason: 'refresh token reuse' }).where('id', '=', session.id).execute();
        return { kind: 'reused', sessionId: session.id, userId: session.userId };
      }
      if (now >= session.expiresAt || now - session.lastSeenAt >= timeouts.idleMs) {
        await trx.updateTable('sessions').set({ revokedAt: now, revokedReason: 'expired' }).where('id', '=', session.id).execute();
        return { kind: 'ended', sessionId: session.id };
      }
      await trx.updateTable('refreshTokens').set({ usedAt: now }).where('tokenHash', '=', tokenHash).execute();
      await trx.insertInto('refreshTokens').values({ tokenHash: newTokenHash, sessionId: session.id, createdAt: now, usedAt: null }).execute();
      await trx.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', session.id).execute();
      return { kind: 'rotated', session: { ...session, lastSeenAt: now } };
    });
  }

  async findActive(id: string): Promise<SessionRecord | undefined> {
    return this.db
      .selectFrom('sessions')
      .select(['id', 'userId', 'userAgent', 'ip', 'createdAt', 'lastSeenAt', 'expiresAt', 'revokedAt'])
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
  }

  async listActiveForUser(userId: string, now: number): Promise<SessionRecord[]> {
    return this.db
      .selectFrom('sessions')
      .select(['id', 'userId', 'userAgent', 'ip', 'createdAt', 'lastSeenAt', 'expiresAt', 'revokedAt'])
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .orderBy('lastSeenAt', 'desc')
      .execute();
  }

  /** Ids of the sessions it revoked. */
  async revoke(filter: { userId: string; sessionId?: string; exceptSessionId?: string }, reason: string, now: number): Promise<string[]> {
    let query = this.db.updateTable('sessions').set({ revokedAt: now, revokedReason: reason }).where('userId', '=', filter.userId).where('revokedAt', 'is', null);
    if (filter.sessionId) query = query.where('id', '=', filter.sessionId);
    if (filter.exceptSessionId) query = query.where('id', '!=', filter.exceptSessionId);
    const rows = await query.returning('id').execute();
    return rows.map((r) => r.id);
  }

  async revokeByRefreshToken(tokenHash: string, reason: string, now: number): Promise<{ sessionId: string; userId: string } | undefined> {
    const token = await this.db
      .selectFrom('refreshTokens')
      .innerJoin('sessions', 'sessions.id', 'refreshTokens.sessionId')
      .select(['sessions.id as sessionId', 'sessions.userId as userId'])
      .where('refreshTokens.tokenHash', '=', tokenHash)
      .executeTakeFirst();
    if (!token) return undefined;
    await this.db.updateTable('sessions').set({ revokedAt: now, revokedReason: reason }).where('id', '=', token.sessionId).where('revokedAt', 'is', null).execute();
    return token;
  }
}
