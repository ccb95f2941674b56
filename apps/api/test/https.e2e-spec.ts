import type { LoginResponse } from '@app/shared/contracts/api/auth';
import { createSelfSignedCert, type SelfSignedCert } from '@test/self-signed-cert';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { cookiePair, refreshCookie } from './support/refresh-cookie';
import { socketOutcome } from './support/socket-outcome';
import { ADMIN, startTestApi, type TestApi } from './support/test-api';

const HSTS = 'max-age=31536000';

describe('X-8 HTTPS one setting away: TLS_CERT_FILE and TLS_KEY_FILE', () => {
  let tls: SelfSignedCert;
  let api: TestApi;
  beforeAll(async () => {
    tls = createSelfSignedCert();
    api = await startTestApi({ TLS_CERT_FILE: tls.certFile, TLS_KEY_FILE: tls.keyFile });
  });
  afterAll(async () => {
    await api.close();
    rmSync(tls.dir, { recursive: true, force: true });
  });

  it('serves the api over HTTPS with the configured certificate', async () => {
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(api.url).get('/api/health').ca(tls.cert).expect(200);
    expect(health.headers['strict-transport-security']).toBe(HSTS);
  });

  it('logs in with a Secure refresh cookie and refreshes with it (S-18, S-21)', async () => {
    const login = await request(api.url).post('/api/auth/login').ca(tls.cert).send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
    expect(login.headers['strict-transport-security']).toBe(HSTS);
    const cookie = refreshCookie(login.headers['set-cookie']);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    const refreshed = await request(api.url).post('/api/auth/refresh').ca(tls.cert).set('Cookie', cookiePair(cookie)).set('Origin', api.url).expect(200);
    expect(refreshCookie(refreshed.headers['set-cookie'])).toMatch(/;\s*Secure/i);
  });

  it('accepts a Socket.IO connection over wss', async () => {
    const login = await request(api.url).post('/api/auth/login').ca(tls.cert).send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
    expect(await socketOutcome(`https://127.0.0.1:${new URL(api.url).port}`, (login.body as LoginResponse).accessToken, tls.cert)).toBe('connected');
  });
});

describe('S-21 HSTS and the Secure cookie behind a TLS-terminating proxy', () => {
  const login = (api: TestApi, forwardedProto?: string) => {
    const req = api.http.post('/api/auth/login');
    if (forwardedProto) void req.set('X-Forwarded-Proto', forwardedProto);
    return req.send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
  };

  it('trusts X-Forwarded-Proto: https with TRUST_PROXY', async () => {
    const api = await startTestApi({ TRUST_PROXY: 'true' });
    try {
      const res = await login(api, 'https');
      expect(res.headers['strict-transport-security']).toBe(HSTS);
      expect(refreshCookie(res.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      const plain = await login(api);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      expect(refreshCookie(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      await api.close();
    }
  });

  it('ignores the header from anyone when TRUST_PROXY is off', async () => {
    const api = await startTestApi();
    try {
      const res = await login(api, 'https');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(refreshCookie(res.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      await api.close();
    }
  });
});
