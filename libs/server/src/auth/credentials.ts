import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** S-16: argon2id, 19 MiB, 2 iterations, parallelism 1. Raising these rehashes at next login. */
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id (an ambient const enum upstream) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const PARAMS_TAG = `m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Hash of a password nobody knows, verified against for unknown emails so they take the same time. */
let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomSecret());
  return decoyHash;
}

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    await verify(await getDecoyHash(), password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(storedHash: string): boolean {
  return !storedHash.includes(PARAMS_TAG);
}

/** URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Opaque tokens (refresh cookies, API tokens) are looked up by this digest, never stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A readable generated password (for the first admin and admin resets). */
export function generatePassword(): string {
  return randomSecret(15).replace(/[-_]/g, 'x');
}
