import { describe, expect, it } from 'vitest';
import { en, t } from './en';

describe('N-12 one string catalogue', () => {
  it.each([
    ['users.created', { email: 'ada@example.com' }, 'User ada@example.com created'],
    ['login.throttled', { time: '3 min' }, 'Too many attempts. Try again in 3 min.'],
    ['validation.tooShort', { min: 10 }, 'Must be at least 10 characters'],
    ['login.title', undefined, 'Sign in'],
  ] as const)('t(%s) fills placeholders', (key, params, expected) => {
    expect(t(key, params)).toBe(expected);
  });

  it('leaves a placeholder visible when its parameter is missing, so the gap is noticed', () => {
    expect(t('users.created', {})).toBe('User {email} created');
  });

  it('has no empty strings', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
