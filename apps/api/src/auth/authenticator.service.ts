import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_TOKEN_PREFIX } from '@app/shared/contracts/api/tokens';
import { UnauthenticatedError } from '@app/shared/contracts/errors';
import { sha256Hex } from '@app/server/auth/credentials';
import { ApiTokensRepository } from '@app/server/repositories/api-tokens.repository';
import { SessionsRepository } from '@app/server/repositories/sessions.repository';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { Clock } from '@app/server/system/clock';
import { sessionScopes, type AuthUser } from '../common/auth-user';
import { accessClaimsSchema, JWT_ALGORITHM } from './jwt-claims';

/** Token `last used` is written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Turns a credential into the caller. Every check reads the database, so a disabled user or a
 * revoked session loses access on its next request (U-9, S-19).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly apiTokens: ApiTokensRepository,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  /** For sockets and any place without passport: an access JWT or an API token. */
  async fromBearer(token: string): Promise<AuthUser> {
    if (token.startsWith(API_TOKEN_PREFIX)) return this.fromApiToken(token);
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: [JWT_ALGORITHM] });
    } catch {
      throw new UnauthenticatedError('Invalid or expired token');
    }
    return this.fromAccessClaims(claims);
  }

  /** Claims of an access token whose signature was already verified. */
  async fromAccessClaims(claims: unknown): Promise<AuthUser> {
    const parsed = accessClaimsSchema.safeParse(claims);
    if (!parsed.success) throw new UnauthenticatedError('Invalid token');
    const session = await this.sessions.findActive(parsed.data.sid);
    if (!session || session.userId !== parsed.data.sub || session.expiresAt <= this.clock.now()) {
      throw new UnauthenticatedError('Session ended; sign in again');
    }
    const user = await this.users.findById(parsed.data.sub);
    if (!user || user.state !== 'active') throw new UnauthenticatedError('Session ended; sign in again');
    const { id, email, displayName, role, mustChangePassword } = user;
    return { id, email, displayName, role, mustChangePassword, via: 'session', sessionId: session.id, expiresAt: session.expiresAt, scopes: sessionScopes(role) };
  }

  /** Whether a caller established earlier (an open socket) may still act: session or token alive, user active. */
  async isStillValid(user: AuthUser): Promise<boolean> {
    const current = await this.users.findById(user.id);
    if (!current || current.state !== 'active') return false;
    if (user.via === 'session') {
      const session = user.sessionId ? await this.sessions.findActive(user.sessionId) : undefined;
      return session !== undefined && session.expiresAt > this.clock.now();
    }
    const tokens = await this.apiTokens.listForUser(user.id);
    return tokens.some((t) => t.id === user.tokenId && (t.expiresAt === null || t.expiresAt > this.clock.now()));
  }

  async fromApiToken(secret: string): Promise<AuthUser> {
    const now = this.clock.now();
    const token = await this.apiTokens.findUsable(sha256Hex(secret), now);
    const user = token && (await this.users.findById(token.userId));
    if (!token || !user) throw new UnauthenticatedError('Invalid or revoked API token');
    if (token.lastUsedAt === null || now - token.lastUsedAt > TOUCH_INTERVAL_MS) await this.apiTokens.touch(token.tokenId, now);
    // A demoted admin's token loses its admin scope with the role.
    const scopes = token.scopes.filter((s) => sessionScopes(user.role).includes(s));
    const { id, email, displayName, role } = user;
    return { id, email, displayName, role, mustChangePassword: false, via: 'token', tokenId: token.tokenId, expiresAt: token.expiresAt, scopes };
  }
}
