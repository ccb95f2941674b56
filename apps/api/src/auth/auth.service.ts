import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AuthUserView, ChangePassword, LoginRequest, LoginResponse, Session } from '@app/shared/contracts/api/auth';
import type { User } from '@app/shared/contracts/api/users';
import { NotFoundError, UnauthenticatedError, ValidationError } from '@app/shared/contracts/errors';
import { hashPassword, passwordNeedsRehash, randomSecret, sha256Hex, verifyPassword } from '@app/server/auth/credentials';
import { SessionsRepository } from '@app/server/repositories/sessions.repository';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import type { AuthUser } from '../common/auth-user';
import { AccessRevocation } from './access-revocation.service';
import { AuthEvents } from './auth-events';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessClaims } from './jwt-claims';
import { LoginThrottle } from './login-throttle.service';

const DAY_MS = 24 * 60 * 60 * 1000;
/** S-18: sessions end after 30 days idle or 90 days in all. */
export const SESSION_IDLE_MS = 30 * DAY_MS;
export const SESSION_MAX_MS = 90 * DAY_MS;

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** A login or refresh: the JSON answer plus the refresh secret for the cookie. */
export interface IssuedSession {
  response: LoginResponse;
  refreshToken: string;
}

const INVALID_LOGIN = 'Invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly events: AuthEvents,
    private readonly access: AccessRevocation,
  ) {}

  async login(request: LoginRequest, client: ClientInfo): Promise<IssuedSession> {
    await this.throttle.assertAllowed(request.email, client.ip);
    const user = await this.users.findByEmail(request.email);
    const storedHash = user && (await this.users.getPasswordHash(user.id));
    const valid = await verifyPassword(storedHash, request.password);
    if (!user || !storedHash || !valid || user.state !== 'active') {
      await this.throttle.recordFailure(request.email, client.ip);
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    await this.throttle.recordSuccess(request.email);
    const now = this.clock.now();
    if (passwordNeedsRehash(storedHash)) {
      await this.users.setPassword(user.id, await hashPassword(request.password), user.mustChangePassword, now);
    }
    const sessionId = newId();
    const refreshToken = randomSecret();
    await this.sessions.create(
      { id: sessionId, userId: user.id, userAgent: client.userAgent?.slice(0, 300) ?? null, ip: client.ip, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_MAX_MS },
      sha256Hex(refreshToken),
    );
    return { response: await this.issueAccess(user, sessionId), refreshToken };
  }

  /** Rotates the refresh token; a reused one has already revoked its session (S-18). */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const next = randomSecret();
    const result = await this.sessions.rotate(sha256Hex(refreshToken), sha256Hex(next), this.clock.now(), { idleMs: SESSION_IDLE_MS });
    if (result.kind === 'reused') await this.events.accessChanged(result.userId);
    if (result.kind !== 'rotated') throw new UnauthenticatedError('Session ended; sign in again');
    const user = await this.users.findById(result.session.userId);
    if (!user || user.state !== 'active') throw new UnauthenticatedError('Session ended; sign in again');
    return { response: await this.issueAccess(user, result.session.id), refreshToken: next };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const revoked = await this.sessions.revokeByRefreshToken(sha256Hex(refreshToken), 'logout', this.clock.now());
    if (revoked) await this.events.accessChanged(revoked.userId);
  }

  me(user: AuthUser): AuthUserView {
    const { id, email, role, displayName, mustChangePassword } = user;
    return { id, email, role, displayName, mustChangePassword };
  }

  async updateDisplayName(user: AuthUser, displayName: string): Promise<AuthUserView> {
    const updated = await this.users.update(user.id, { displayName }, this.clock.now());
    if (typeof updated === 'string') throw new NotFoundError('User not found');
    return { ...this.me(user), displayName: updated.displayName };
  }

  /** Changing the password ends every other session and every API token (U-7). */
  async changePassword(user: AuthUser, change: ChangePassword): Promise<void> {
    const valid = await verifyPassword(await this.users.getPasswordHash(user.id), change.currentPassword);
    if (!valid) throw new ValidationError('Current password is wrong', [{ field: 'body.currentPassword', message: 'is wrong' }]);
    assertPasswordAllowed(change.newPassword, user.email, 'body.newPassword');
    if (change.newPassword === change.currentPassword) {
      throw new ValidationError('Choose a new password', [{ field: 'body.newPassword', message: 'must differ from the current password' }]);
    }
    const now = this.clock.now();
    await this.users.setPassword(user.id, await hashPassword(change.newPassword), false, now);
    await this.access.endCredentials(user.id, 'password changed', now, user.sessionId);
  }

  async listSessions(user: AuthUser): Promise<Session[]> {
    const sessions = await this.sessions.listActiveForUser(user.id, this.clock.now());
    return sessions.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === user.sessionId,
    }));
  }

  async revokeSession(user: AuthUser, sessionId: string): Promise<void> {
    const revoked = await this.sessions.revoke({ userId: user.id, sessionId }, 'revoked by user', this.clock.now());
    if (revoked.length === 0) throw new NotFoundError('Session not found');
    await this.events.accessChanged(user.id);
  }

  private async issueAccess(user: User, sessionId: string): Promise<LoginResponse> {
    const claims: AccessClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    const { id, email, role, displayName, mustChangePassword } = user;
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: { id, email, role, displayName, mustChangePassword } };
  }
}

/** S-16: a password may not be the email. Length rules live in the shared schema. */
export function assertPasswordAllowed(password: string, email: string, field: string): void {
  if (password.trim().toLowerCase() === email.toLowerCase()) {
    throw new ValidationError('Password must not be the email', [{ field, message: 'must not be the email address' }]);
  }
}
