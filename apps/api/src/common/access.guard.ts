import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { API_TOKEN_PREFIX, type TokenScope } from '@app/shared/contracts/api/tokens';
import { DomainError, UnauthenticatedError } from '@app/shared/contracts/errors';
import { Authenticator } from '../auth/authenticator.service';
import type { AuthUser } from './auth-user';
import type { AuthenticatedRequest } from './current-user.decorator';
import {
  ADMIN_ONLY,
  ALLOWED_BEFORE_PASSWORD_CHANGE,
  IS_PUBLIC,
  REQUIRED_SCOPE,
  SESSION_ONLY,
} from './route-access.decorators';
import { authorize } from './route-access';

/**
 * Global guard: deny by default (S-1). Public routes pass; API tokens (`cgt_…`) are checked
 * by the Authenticator, anything else goes through passport-jwt; then role and scope rules.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.flag(context, IS_PUBLIC)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const bearer = bearerToken(request.headers.authorization);
    if (!bearer) throw new UnauthenticatedError('Authentication required');
    if (bearer.startsWith(API_TOKEN_PREFIX)) request.user = await this.authenticator.fromApiToken(bearer);
    else await super.canActivate(context);
    const user = request.user;
    if (!user) throw new UnauthenticatedError('Authentication required');
    authorize(user, {
      method: request.method,
      scope: this.reflector.getAllAndOverride<TokenScope | undefined>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]),
      adminOnly: this.flag(context, ADMIN_ONLY),
      sessionOnly: this.flag(context, SESSION_ONLY),
      allowedBeforePasswordChange: this.flag(context, ALLOWED_BEFORE_PASSWORD_CHANGE),
    });
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof DomainError) throw error;
    if (error || !user) throw new UnauthenticatedError('Invalid or expired token');
    return user;
  }

  private flag(context: ExecutionContext, key: string): boolean {
    return this.reflector.getAllAndOverride<boolean | undefined>(key, [context.getHandler(), context.getClass()]) === true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
