import express from 'express';
import request from 'supertest';
import { securityHeaders } from './security-headers';

/** The headers alone, on an express app that trusts a proxy's X-Forwarded-Proto like TRUST_PROXY=true. */
function appBehindProxy() {
  const app = express();
  app.set('trust proxy', true);
  app.use(securityHeaders());
  app.get('/', (_request, response) => {
    response.send('ok');
  });
  return request(app);
}

describe('S-21 security headers by transport', () => {
  it('sends neither HSTS nor an opener policy over plain HTTP, where a LAN address is not trustworthy', async () => {
    const res = await appBehindProxy().get('/').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('sends both once the connection is HTTPS', async () => {
    const res = await appBehindProxy().get('/').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});
