import Sqlite from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from './support/stack';

async function login(url: string, email: string, password: string): Promise<{ status: number; body: { user?: { mustChangePassword: boolean } } }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: response.status, body: (await response.json()) as { user?: { mustChangePassword: boolean } } };
}

function countUsers(dataDir: string): number {
  const db = new Sqlite(join(dataDir, 'app.db'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from users').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('npm start bootstrap (U-2)', () => {
  it('creates the admin once from an empty DATA_DIR with a generated password, and never again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-bootstrap-'));

    const first = await startStack({ dataDir });
    const printed = first.output().match(/Log in as (\S+) with the generated password (\S+)/);
    expect(printed).not.toBeNull();
    const [, email, password] = printed as RegExpMatchArray;
    expect(email).toBe('admin@studio.local');
    const session = await login(first.url, email!, password!);
    expect(session.status).toBe(200);
    expect(session.body.user?.mustChangePassword).toBe(true);
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    expect(await first.stop()).toBe(0);

    const second = await startStack({ dataDir });
    expect(second.output()).not.toContain('generated password');
    expect(second.output()).toContain('Log in as admin@studio.local');
    expect((await login(second.url, email!, password!)).status).toBe(200);
    expect(await second.stop()).toBe(0);

    expect(countUsers(dataDir)).toBe(1);
    process.stdout.write(`second start ready in ${second.startupMs} ms (first ${first.startupMs} ms)\n`);
  });

  it('stops with one readable line and a non-zero exit on a bad variable', async () => {
    const stack = startStack({ env: { PORT: 'not-a-port' } });
    await expect(stack).rejects.toThrow(/config: PORT: /);
  });
});
