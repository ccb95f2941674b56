import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomSecret } from '../auth/credentials';
import { PRIVATE_FILE_MODE } from '../storage/private-data';
import type { AppConfig } from './env';

/**
 * The JWT signing secret: JWT_SECRET if set, else the one generated once into
 * `<DATA_DIR>/secret` (mode 0600), so tokens survive restarts and every process agrees.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = config.paths.secret;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomSecret(48)}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, PRIVATE_FILE_MODE);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to generate a new one`);
  return secret;
}
