import type { TokenScope } from '@app/shared/contracts/api/tokens';
import type { Role } from '@app/shared/contracts/api/users';

/** The caller of a request or socket, as established by authentication. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  /** A browser login (session) or a personal API token. */
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  /** When the credential ends by itself (session or token expiry, Unix ms); null = never. */
  expiresAt: number | null;
  /** What this credential may do; a session may do everything its role allows. */
  scopes: readonly TokenScope[];
}

/** Scopes a session carries: everything the role allows. */
export function sessionScopes(role: Role): readonly TokenScope[] {
  return role === 'admin' ? ['read', 'generate', 'admin'] : ['read', 'generate'];
}
