import { describe, expect, it } from 'vitest';
import { en, t } from './en';
import { adminMessages } from './messages/admin';
import { coreMessages } from './messages/core';
import { galleryMessages } from './messages/gallery';
import { generateMessages } from './messages/generate';
import { profileMessages } from './messages/profile';
import { promptsMessages } from './messages/prompts';

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

  it('defines each key in one area only, so no string silently replaces another', () => {
    const areas = [coreMessages, generateMessages, galleryMessages, promptsMessages, adminMessages, profileMessages];
    const keys = areas.flatMap((area) => Object.keys(area));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(keys).toHaveLength(Object.keys(en).length);
  });

  it('has no empty strings', () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});
