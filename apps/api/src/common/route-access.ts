import { ForbiddenError } from '@app/shared/contracts/errors';
import type { TokenScope } from '@app/shared/contracts/api/tokens';
import type { AuthUser } from './auth-user';

/** What a route demands of an authenticated caller, read from its decorators. */
export interface RouteAccess {
  method: string;
  scope?: TokenScope;
  adminOnly: boolean;
  sessionOnly: boolean;
  allowedBeforePasswordChange: boolean;
}

/** Throws ForbiddenError when the caller may not use the route (S-23: checked on every request). */
export function authorize(user: AuthUser, access: RouteAccess): void {
  if (user.mustChangePassword && user.via === 'session' && !access.allowedBeforePasswordChange) {
    throw new ForbiddenError('Change your password before continuing');
  }
  if (access.sessionOnly && user.via !== 'session') {
    throw new ForbiddenError('API tokens cannot manage credentials; sign in instead');
  }
  if (access.adminOnly && user.role !== 'admin') {
    throw new ForbiddenError('Admins only');
  }
  const scope = access.adminOnly ? 'admin' : (access.scope ?? defaultScope(access.method));
  if (!user.scopes.includes(scope)) {
    throw new ForbiddenError(`This token lacks the "${scope}" scope`);
  }
}

function defaultScope(method: string): TokenScope {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'generate';
}
