import { connect } from 'node:net';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;

interface RawAnswer {
  status: number | undefined;
  body: string;
}

/**
 * Sends `head` and `body` byte for byte over a socket (supertest would complete a multipart
 * body) and, unless `abort`, half-closes and reads the answer; with `abort` it resets the
 * connection after sending.
 */
function rawPost(url: string, path: string, headers: Record<string, string>, body: string, abort = false): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : undefined, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    const head = [`POST ${path} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`, () => {
      if (abort) socket.resetAndDestroy();
      else socket.end();
    });
  });
}

describe('N-17 a truncated multipart body is refused, the api keeps serving', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('cut-multipart@test.local')).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const part = 'Content-Disposition: form-data; name="file"; filename="a.png"';
  const routes = [
    ['/api/uploads', () => member],
    ['/api/admin/tags/import', () => admin],
  ] as const;
  const stillServing = async () => {
    const res = await api.http.get('/api/auth/me').auth(member, bearer);
    expect(res.status).toBe(200);
  };

  describe.each(routes)('%s', (path, token) => {
    it.each([
      ['ends inside the file, before the closing boundary', `--X\r\n${part}\r\n\r\nAAAA`],
      ['ends inside the part headers', '--X\r\nContent-Disposition: form-da'],
      ['ends after the first boundary', '--X\r\n'],
    ])('answers a body that %s with 400 naming the file field', async (_case, body) => {
      const res = await rawPost(api.url, path, { Authorization: `Bearer ${token()}`, 'Content-Type': 'multipart/form-data; boundary=X', 'Content-Length': String(body.length) }, body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({
        statusCode: 400,
        message: 'Send one file as multipart/form-data',
        errors: [{ field: 'file', message: 'could not be read (malformed multipart body)' }],
      });
      await stillServing();
    });

    it('survives a client that drops the connection mid-body', async () => {
      const body = `--X\r\n${part}\r\n\r\nAAAA`;
      await rawPost(api.url, path, { Authorization: `Bearer ${token()}`, 'Content-Type': 'multipart/form-data; boundary=X', 'Content-Length': '100000' }, body, true);
      await stillServing();
      expect((await api.http.get('/api/uploads').auth(member, bearer).expect(200)).body.items).toEqual([]);
    });
  });
});
