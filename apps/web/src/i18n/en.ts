import { coreMessages } from './messages/core';
import { generateMessages } from './messages/generate';
import { galleryMessages } from './messages/gallery';
import { promptsMessages } from './messages/prompts';
import { adminMessages } from './messages/admin';
import { profileMessages } from './messages/profile';

/**
 * Every string the web client shows (N-12: one catalogue, English shipped). Keys are flat and
 * dotted by screen, kept in one file per area under `messages/`; `{name}` placeholders are filled by `t`.
 */
export const en = { ...coreMessages, ...generateMessages, ...galleryMessages, ...promptsMessages, ...adminMessages, ...profileMessages } as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Looks up `key` and fills its `{name}` placeholders from `params`.
 * @example t('users.created', { email: 'a@b.c' }) // 'User a@b.c created'
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
