import type { AppConfig } from '../config/env';
import { generatePassword, hashPassword } from '../auth/credentials';
import type { UsersRepository } from '../repositories/users.repository';
import { newId } from '../system/ids';

export type BootstrapResult =
  | { created: true; email: string; password: string; generated: boolean }
  | { created: false; email: string };

/**
 * U-2: the first start creates one admin — from ADMIN_EMAIL/ADMIN_PASSWORD, or with a
 * generated password the caller prints once (and that must be changed at first login).
 * Any later start, whatever the variables say, creates nobody.
 */
export async function bootstrapAdmin(config: AppConfig, users: UsersRepository, now: number): Promise<BootstrapResult> {
  if ((await users.count()) > 0) return { created: false, email: config.adminEmail };
  const generated = config.adminPassword === undefined;
  const password = config.adminPassword ?? generatePassword();
  await users.create({
    id: newId(),
    email: config.adminEmail,
    displayName: 'Admin',
    role: 'admin',
    passwordHash: await hashPassword(password),
    mustChangePassword: generated,
    now,
  });
  return { created: true, email: config.adminEmail, password, generated };
}
