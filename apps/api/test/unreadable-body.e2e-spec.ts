import type { ErrorBody } from '@app/shared/contracts/errors';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTestApi, type TestApi } from './support/test-api';

/** The built web app is served beside the api in production; its catch-all must not swallow body errors. */
function webDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>studio</title>');
  return dir;
}

const json = 'application/json';
const malformed = (body: string, headers: Record<string, string> = {}) => ({ body, headers: { 'Content-Type': json, ...headers } });
const notJson: ErrorBody = { statusCode: 400, message: 'Malformed JSON body', errors: [{ field: 'body', message: 'is not valid JSON' }] };
const unreadable: ErrorBody = { statusCode: 400, message: 'Unreadable request body', errors: [{ field: 'body', message: 'could not be read (damaged or wrongly encoded)' }] };
const wrongType: ErrorBody = { statusCode: 415, message: 'Unsupported Content-Type', errors: [{ field: 'headers.content-type', message: 'must be application/json' }] };

const CASES: [string, { body: string; headers: Record<string, string> }, ErrorBody][] = [
  ['malformed JSON', malformed('{"email": "a@b.c",'), notJson],
  ['a top-level null', malformed('null'), notJson],
  ['a top-level number', malformed('42'), notJson],
  ['a top-level string', malformed('"hello"'), notJson],
  ['a body over 1 MB', malformed(JSON.stringify({ email: 'x'.repeat(1_100_000) })), { statusCode: 413, message: 'Request body too large', errors: [{ field: 'body', message: 'must be at most 1 MB' }] }],
  ['gzip that is not gzip', malformed('not gzip at all', { 'Content-Encoding': 'gzip' }), unreadable],
  ['brotli that is not brotli', malformed('not brotli', { 'Content-Encoding': 'br' }), unreadable],
  ['an unknown Content-Encoding', malformed('{}', { 'Content-Encoding': 'x-foo' }), { statusCode: 415, message: 'Unsupported Content-Encoding', errors: [{ field: 'headers.content-encoding', message: 'must be gzip, deflate, br or identity' }] }],
  ['UTF-8 bytes labelled utf-16', malformed('{"email":"a"}', { 'Content-Type': `${json}; charset=utf-16` }), notJson],
  ['an unknown charset', malformed('{}', { 'Content-Type': `${json}; charset=x-junk` }), { statusCode: 415, message: 'Unsupported charset', errors: [{ field: 'headers.content-type', message: 'charset must be utf-8' }] }],
  ['JSON sent as text/plain', malformed('{"email":"a@b.c"}', { 'Content-Type': 'text/plain' }), wrongType],
  ['a url-encoded form', malformed('email=a%40b.c', { 'Content-Type': 'application/x-www-form-urlencoded' }), wrongType],
  ['a broken Content-Type header', malformed('{}', { 'Content-Type': 'not a media type' }), wrongType],
];

describe('S-20 / N-17 a body the parser cannot take answers 4xx with the error shape, never 404 or 5xx', () => {
  let api: TestApi;
  let member: string;
  beforeAll(async () => {
    api = await startTestApi({}, { webDist: webDist() });
    member = (await api.createUser('unreadable-body@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (path: string, { body, headers }: { body: string; headers: Record<string, string> }, token?: string) => {
    const req = api.http.post(path).set(headers);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const expectRefusal = (res: { status: number; body: unknown; headers: Record<string, string> }, expected: ErrorBody) => {
    expect([res.status, res.body]).toEqual([expected.statusCode, expected]);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  };

  it.each(CASES)('refuses %s to a signed-in member', async (_case, request, expected) => {
    expectRefusal(await post('/api/aliases', request, member), expected);
  });

  it.each(CASES)('answers %s from a stranger with 401 before looking at the body', async (_case, request) => {
    expectRefusal(await post('/api/aliases', request), { statusCode: 401, message: 'Authentication required' });
  });

  it.each(CASES)('refuses %s on the public login route', async (_case, request, expected) => {
    expectRefusal(await post('/api/auth/login', request), expected);
  });

  it('still reads gzip-compressed JSON and answers an unknown route with 404', async () => {
    // fetch, since supertest would serialise a Buffer labelled JSON as JSON.
    const res = await fetch(`${api.url}/api/aliases`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${member}`, 'Content-Type': json, 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ category: 'zip', name: 'zipped', text: 'a cat' })),
    });
    expect([res.status, ((await res.json()) as { name: string }).name]).toEqual([201, 'zipped']);
    expectRefusal(await post('/api/no-such-route', malformed('{'), member), { statusCode: 404, message: 'Cannot POST /api/no-such-route' });
  });
});
