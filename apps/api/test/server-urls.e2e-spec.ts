import { serverUrlsSchema } from '@app/shared/contracts/api/server';
import { lanAddresses } from '@app/server/system/studio-urls';
import { startTestApi, type TestApi } from './support/test-api';

describe('X-8 GET /api/server/urls: where a phone opens the studio', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ HOST: '0.0.0.0', PORT: '3000' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers a member the local URL and one LAN URL per address of this machine when the api listens on all of them', async () => {
    const member = await api.createUser('phone-owner@test.local');
    const res = await api.http.get('/api/server/urls').auth(member.token, { type: 'bearer' }).expect(200);
    expect(serverUrlsSchema.parse(res.body)).toEqual({ local: 'http://localhost:3000', lan: lanAddresses().map((ip) => `http://${ip}:3000`) });
  });

  it('is not public', async () => {
    const res = await api.http.get('/api/server/urls').expect(401);
    expect(res.body).toEqual({ statusCode: 401, message: 'Authentication required' });
  });
});
