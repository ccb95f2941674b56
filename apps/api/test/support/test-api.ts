import type { NestExpressApplication } from '@nestjs/platform-express';
import type { LoginResponse } from '@app/shared/contracts/api/auth';
import type { Role, User } from '@app/shared/contracts/api/users';
import { bootstrapAdmin } from '@app/server/accounts/bootstrap-admin';
import { loadConfig, type AppConfig } from '@app/server/config/env';
import { UsersRepository } from '@app/server/repositories/users.repository';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { ApiModuleOptions } from '../../src/api.module';
import { createApiApp } from '../../src/app.factory';
import { createTestDatabase } from './test-database';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' } as const;

export interface TestApi {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  http: ReturnType<typeof request>;
  login(email: string, password: string): Promise<LoginResponse>;
  loginAdmin(): Promise<LoginResponse>;
  /** Creates a user through the admin api and clears the forced password change. */
  createUser(email: string, role?: Role): Promise<{ user: User; password: string; token: string }>;
  close(): Promise<void>;
}

/**
 * The whole api on a fresh SQLite file in a temp dir and the run's real Redis under a
 * key prefix of its own, listening on a free loopback port. `options.clock` lets a test move time.
 */
export async function startTestApi(env: Record<string, string> = {}, options: ApiModuleOptions = {}): Promise<TestApi> {
  const redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) throw new Error('TEST_REDIS_URL is not set (jest globalSetup starts Redis)');
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-api-'));
  const database = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `t${Math.random().toString(36).slice(2, 10)}`,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...database.env,
    ...env,
  });
  const app = await createApiApp(config, options);
  await bootstrapAdmin(config, app.get(UsersRepository), Date.now());
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const http = request(app.getHttpServer());

  const login = async (email: string, password: string): Promise<LoginResponse> => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as LoginResponse;
  };
  const loginAdmin = () => login(ADMIN.email, ADMIN.password);

  return {
    app,
    config,
    url: url.replace('[::1]', '127.0.0.1'),
    http,
    login,
    loginAdmin,
    async createUser(email, role = 'member') {
      const admin = await loginAdmin();
      const initial = `initial-${Math.random().toString(36).slice(2)}`;
      const created = await http.post('/api/users').auth(admin.accessToken, { type: 'bearer' }).send({ email, password: initial, role });
      if (created.status !== 201) throw new Error(`create ${email}: ${created.status} ${JSON.stringify(created.body)}`);
      const first = await login(email, initial);
      const password = `chosen-${Math.random().toString(36).slice(2)}`;
      await http.post('/api/auth/password').auth(first.accessToken, { type: 'bearer' }).send({ currentPassword: initial, newPassword: password }).expect(204);
      const session = await login(email, password);
      return { user: created.body as User, password, token: session.accessToken };
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
