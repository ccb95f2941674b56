import { Injectable } from '@nestjs/common';
import { ApiTokensRepository } from '@app/server/repositories/api-tokens.repository';
import { SessionsRepository } from '@app/server/repositories/sessions.repository';
import { AuthEvents } from './auth-events';

/**
 * Ends a user's credentials when their password or account changes (U-3, U-7, U-9): sessions and
 * personal API tokens alike, since a token made before a password change may be exactly what the
 * change is meant to shut out. Open sockets are re-checked at once (S-19).
 */
@Injectable()
export class AccessRevocation {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly apiTokens: ApiTokensRepository,
    private readonly events: AuthEvents,
  ) {}

  /** Every session except `keepSessionId` (the caller's own, on a password change) and every API token. */
  async endCredentials(userId: string, reason: string, now: number, keepSessionId?: string): Promise<void> {
    await this.sessions.revoke({ userId, ...(keepSessionId ? { exceptSessionId: keepSessionId } : {}) }, reason, now);
    await this.apiTokens.revokeAllForUser(userId, now);
    await this.events.accessChanged(userId);
  }
}
