import type { LoginResponse } from '@app/shared/contracts/api/auth';
import { findFreePort } from '@app/server/system/free-port';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { cookiePair, refreshCookie } from './support/refresh-cookie';
import { socketOutcome } from './support/socket-outcome';
import { ADMIN, startTestApi, type TestApi } from './support/test-api';

/** The LAN recipe exactly as docs/https.md gives it: its Caddyfile block with `tls internal`. */
function documentedCaddyfile(): string {
  const doc = readFileSync(resolve(__dirname, '../../../docs/https.md'), 'utf8');
  const blocks = [...doc.matchAll(/```caddyfile\n([\s\S]*?)```/g)].map((match) => (match[1] ?? '').replace(/^ {3}/gm, ''));
  const recipe = blocks.find((block) => block.includes('tls internal'));
  if (!recipe) throw new Error('docs/https.md has no Caddyfile with tls internal');
  return recipe;
}

/**
 * Caddy running the documented recipe, with its site address and upstream moved to free
 * loopback ports and a global block that keeps the test off the machine: no admin endpoint,
 * no system trust store, no port 80, storage (its CA included) in a temporary folder.
 */
async function startCaddy(apiPort: number, dir: string): Promise<{ url: string; rootCa: Buffer; process: ChildProcess }> {
  const [httpsPort, httpPort] = [await findFreePort(), await findFreePort()];
  const site = documentedCaddyfile().replace('192.168.1.20', `127.0.0.1:${httpsPort}`).replace('127.0.0.1:3000', `127.0.0.1:${apiPort}`);
  const globals = `{\n\tadmin off\n\tskip_install_trust\n\tauto_https disable_redirects\n\thttp_port ${httpPort}\n\tstorage file_system ${join(dir, 'data')}\n}\n`;
  writeFileSync(join(dir, 'Caddyfile'), globals + site);
  const caddy = spawn('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((ready, fail) => {
    caddy.once('error', (error) => fail(new Error(`caddy did not start (${error.message}); install it with: apt-get install -y caddy`)));
    caddy.once('exit', (code) => fail(new Error(`caddy exited with ${code}:\n${log}`)));
    caddy.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      // The site's certificate from Caddy's own CA: from now on it answers HTTPS.
      if (log.includes('certificate obtained successfully')) ready();
    });
  });
  return { url: `https://127.0.0.1:${httpsPort}`, rootCa: readFileSync(join(dir, 'data/pki/authorities/local/root.crt')), process: caddy };
}

describe('X-8 the documented reverse proxy: Caddy with tls internal and TRUST_PROXY', () => {
  let api: TestApi;
  let dir: string;
  let caddy: Awaited<ReturnType<typeof startCaddy>>;
  beforeAll(async () => {
    api = await startTestApi({ TRUST_PROXY: 'true' });
    dir = mkdtempSync(join(tmpdir(), 'cs-caddy-'));
    caddy = await startCaddy(Number(new URL(api.url).port), dir);
  });
  afterAll(async () => {
    const exited = new Promise((done) => caddy?.process.once('exit', done));
    caddy?.process.kill('SIGTERM');
    await exited;
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through Caddy with HSTS and a Secure cookie, and refreshes with it, trusting only Caddy’s root certificate', async () => {
    const login = await request(caddy.url).post('/api/auth/login').ca(caddy.rootCa).send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
    expect(login.headers['strict-transport-security']).toBe('max-age=31536000');
    const cookie = refreshCookie(login.headers['set-cookie']);
    expect(cookie).toMatch(/;\s*Secure/i);
    const refreshed = await request(caddy.url).post('/api/auth/refresh').ca(caddy.rootCa).set('Origin', caddy.url).set('Cookie', cookiePair(cookie)).expect(200);
    expect(refreshCookie(refreshed.headers['set-cookie'])).toMatch(/;\s*Secure/i);
  });

  it('carries Socket.IO over wss through Caddy', async () => {
    const login = await request(caddy.url).post('/api/auth/login').ca(caddy.rootCa).send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
    expect(await socketOutcome(caddy.url, (login.body as LoginResponse).accessToken, caddy.rootCa)).toBe('connected');
  });
});
