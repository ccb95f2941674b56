import type { AuthUserView, LoginResponse } from '@app/shared/contracts/api/auth';
import type { User } from '@app/shared/contracts/api/users';

export const adminView: AuthUserView = {
  id: '0a5e7c1e-0000-4000-8000-000000000001',
  email: 'ada@example.com',
  role: 'admin',
  displayName: 'Ada',
  mustChangePassword: false,
};

export const memberView: AuthUserView = {
  id: '0a5e7c1e-0000-4000-8000-000000000002',
  email: 'max@example.com',
  role: 'member',
  displayName: 'Max',
  mustChangePassword: false,
};

export function loginAnswer(user: AuthUserView, accessToken = 'access-1'): LoginResponse {
  return { accessToken, expiresIn: 900, user };
}

export function fullUser(view: AuthUserView, overrides: Partial<User> = {}): User {
  return { ...view, state: 'active', createdAt: Date.UTC(2025, 0, 2), ...overrides };
}
