import { Injectable } from '@nestjs/common';
import { API_TOKEN_PREFIX, type ApiToken, type CreateToken, type CreatedToken } from '@app/shared/contracts/api/tokens';
import { ForbiddenError, NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { randomSecret, sha256Hex } from '@app/server/auth/credentials';
import { ApiTokensRepository } from '@app/server/repositories/api-tokens.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { AuthEvents } from '../auth/auth-events';
import type { AuthUser } from '../common/auth-user';

/** Personal API tokens (U-7): shown once, stored as a SHA-256 digest. */
@Injectable()
export class TokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly clock: Clock,
    private readonly events: AuthEvents,
  ) {}

  list(user: AuthUser): Promise<ApiToken[]> {
    return this.tokens.listForUser(user.id);
  }

  async create(user: AuthUser, input: CreateToken): Promise<CreatedToken> {
    if (input.scopes.includes('admin') && user.role !== 'admin') throw new ForbiddenError('Only admins can create admin tokens');
    const now = this.clock.now();
    if (input.expiresAt !== undefined && input.expiresAt <= now) {
      throw new ValidationError('Expiry must be in the future', [{ field: 'body.expiresAt', message: 'must be in the future' }]);
    }
    const secret = `${API_TOKEN_PREFIX}${randomSecret(32)}`;
    const scopes = [...new Set(input.scopes)];
    const token = await this.tokens.create({
      id: newId(),
      userId: user.id,
      name: input.name,
      tokenHash: sha256Hex(secret),
      scopes,
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
    });
    return { ...token, secret };
  }

  async revoke(user: AuthUser, tokenId: string): Promise<void> {
    if (!(await this.tokens.revoke(user.id, tokenId, this.clock.now()))) throw new NotFoundError('Token not found');
    // S-19: a socket the token opened must not outlive it.
    await this.events.accessChanged(user.id);
  }
}
