import { Injectable } from '@nestjs/common';
import type { CreateUser, UpdateUser, User } from '@app/shared/contracts/api/users';
import { ConflictError, NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import { hashPassword } from '@app/server/auth/credentials';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { AccessRevocation } from '../auth/access-revocation.service';
import { AuthEvents } from '../auth/auth-events';
import { assertPasswordAllowed } from '../auth/auth.service';

const LAST_ADMIN = 'The last active admin cannot be disabled, demoted or deleted';

/** Admin user management (U-3). */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly access: AccessRevocation,
    private readonly events: AuthEvents,
    private readonly clock: Clock,
  ) {}

  list(): Promise<User[]> {
    return this.users.list();
  }

  async create(input: CreateUser): Promise<User> {
    assertPasswordAllowed(input.password, input.email, 'body.password');
    if (await this.users.findByEmail(input.email)) {
      throw new ConflictError('A user with this email exists', [{ field: 'body.email', message: 'is already taken' }]);
    }
    return this.users.create({
      id: newId(),
      email: input.email,
      displayName: input.displayName ?? input.email.split('@')[0] ?? input.email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
      now: this.clock.now(),
    });
  }

  /** Disabling ends every session and API token at once; role changes apply on the next request. */
  async update(id: string, changes: UpdateUser): Promise<User> {
    const now = this.clock.now();
    const result = await this.users.update(id, changes, now);
    if (result === 'not-found') throw new NotFoundError('User not found');
    if (result === 'last-admin') throw new ConflictError(LAST_ADMIN);
    if (changes.state === 'disabled') await this.access.endCredentials(id, 'user disabled', now);
    else await this.events.accessChanged(id);
    return result;
  }

  /** An admin reset: the user must choose a new password at next login; sessions and API tokens end (U-3, U-9). */
  async resetPassword(id: string, password: string): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User not found');
    assertPasswordAllowed(password, user.email, 'body.password');
    const now = this.clock.now();
    await this.users.setPassword(id, await hashPassword(password), true, now);
    await this.access.endCredentials(id, 'password reset by admin', now);
  }

  async delete(id: string, confirmEmail: string): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User not found');
    if (user.email !== confirmEmail) {
      throw new ValidationError('Type the user’s email to confirm', [{ field: 'query.confirm', message: 'does not match the user’s email' }]);
    }
    const result = await this.users.delete(id);
    if (result === 'last-admin') throw new ConflictError(LAST_ADMIN);
    if (result === 'not-found') throw new NotFoundError('User not found');
    await this.events.accessChanged(id);
  }
}
