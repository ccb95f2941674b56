import { findFreePort } from '@app/server/system/free-port';
import { createSelfSignedCert, type SelfSignedCert } from '@test/self-signed-cert';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { buildServer, runSupervisor, type RunningSupervisor } from './run-supervisor';

describe('npm start', () => {
  let tls: SelfSignedCert;
  const started: RunningSupervisor[] = [];
  const run = (env: Record<string, string>) => {
    const supervisor = runSupervisor(env);
    started.push(supervisor);
    return supervisor;
  };
  beforeAll(() => {
    buildServer();
    tls = createSelfSignedCert();
  });
  afterEach(() => {
    for (const supervisor of started.splice(0)) supervisor.kill();
  });
  afterAll(() => rmSync(tls.dir, { recursive: true, force: true }));

  it.each([
    ['during the first start’s tag import, before Redis', '[studio] tags: '],
    ['while it waits for the api', 'ComfyUI stand-in listening'],
  ])('stops everything it started when Ctrl-C comes %s, and exits 0', async (_moment, printed) => {
    const supervisor = run({ PORT: String(await findFreePort()), REDIS_URL: '' });
    await supervisor.printed(printed);
    supervisor.interrupt();
    expect(await supervisor.exited).toBe(0);
    expect(supervisor.groupAlive()).toBe(false);
    expect(supervisor.output()).not.toMatch(/start failed/);
  }, 60_000);

  it('waits for the api over HTTPS despite the self-signed certificate, prints https URLs, and stops on Ctrl-C without announcing restarts', async () => {
    const port = await findFreePort();
    const supervisor = run({ PORT: String(port), TLS_CERT_FILE: tls.certFile, TLS_KEY_FILE: tls.keyFile });
    await supervisor.printed('Cozy Studio is running');
    expect(supervisor.output()).toContain(`Cozy Studio is running: https://localhost:${port}\n`);
    await request(`https://127.0.0.1:${port}`).get('/api/health').ca(tls.cert).expect(200);

    const beforeCtrlC = supervisor.output().length;
    supervisor.interrupt();
    expect(await supervisor.exited).toBe(0);
    const afterCtrlC = supervisor.output().slice(beforeCtrlC);
    expect(afterCtrlC).toContain('[studio] stopping…');
    expect(afterCtrlC).not.toMatch(/restarting in/);
  }, 90_000);

  it.each([
    ['a certificate file that is not there', () => ({ TLS_CERT_FILE: join(tls.dir, 'missing.pem'), TLS_KEY_FILE: tls.keyFile }), () => `config: TLS_CERT_FILE: cannot read ${join(tls.dir, 'missing.pem')} (no such file)\n`],
    ['a key that is not a key', () => ({ TLS_CERT_FILE: tls.certFile, TLS_KEY_FILE: tls.certFile }), () => `config: TLS_KEY_FILE: ${tls.certFile} is not an unencrypted PEM private key\n`],
  ])('refuses %s with one line and a non-zero exit', async (_case, env, line) => {
    const supervisor = run({ PORT: String(await findFreePort()), ...env() });
    expect(await supervisor.exited).toBe(1);
    expect(supervisor.output()).toBe(line());
  });
});
