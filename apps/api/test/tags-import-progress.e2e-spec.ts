import { tagImportProgressSchema, type TagCategoryList, type TagImportProgress } from '@app/shared/contracts/api/tags';
import { io, type Socket } from 'socket.io-client';
import { startTestApi, type TestApi } from './support/test-api';
import { until } from './support/until';

const bearer = { type: 'bearer' } as const;

interface Listener {
  socket: Socket;
  /** Every event this socket received, in order. */
  events: { name: string; payload: unknown }[];
}

async function listen(url: string, token: string): Promise<Listener> {
  const socket = io(url, { path: '/api/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  const events: Listener['events'] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events };
}

function progressOf(listener: Listener): TagImportProgress[] {
  return listener.events.filter((event) => event.name === 'tags.import.progress').map((event) => tagImportProgressSchema.parse(event.payload));
}

/** Socket events travel beside the HTTP answer, so the last one may land just after it. */
const EVENT_WAIT_MS = 5_000;

describe('T-1/T-2 tag import progress on the importing admin’s sockets', () => {
  let api: TestApi;
  let admin: string;
  let importer: Listener;
  let otherAdmin: Listener;
  let member: { token: string; listener: Listener };
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    importer = await listen(api.url, admin);
    otherAdmin = await listen(api.url, (await api.createUser('tags-other-admin@test.local', 'admin')).token);
    const memberToken = (await api.createUser('tags-progress-member@test.local')).token;
    member = { token: memberToken, listener: await listen(api.url, memberToken) };
  });
  const everyone = () => [importer, otherAdmin, member.listener];
  afterEach(() => {
    for (const listener of everyone()) listener.events.length = 0;
  });
  afterAll(async () => {
    for (const listener of everyone()) listener.socket.close();
    await api.close();
  });

  const importFile = (content: string, name: string, as = admin) => api.http.post('/api/admin/tags/import').auth(as, bearer).attach('file', Buffer.from(content), name);
  const currentList = async (): Promise<TagCategoryList> => (await api.http.get('/api/tags/categories').auth(admin, bearer).expect(200)).body as TagCategoryList;

  it('reports reading, loading, activating and removing the old list to the importer only, then tells everyone another list is served', async () => {
    const first = ['tag,category,count,aliases', 'old_tag,0,10,'].join('\n');
    await importFile(first, 'first.csv').expect(200);
    await until(() => everyone().every((listener) => listener.events.some((event) => event.name === 'tags.list.changed')), 'tags.list.changed on every socket', EVENT_WAIT_MS);
    for (const listener of everyone()) listener.events.length = 0;

    const csv = ['tag,category,count,aliases', 'red_scarf,0,500,"scarlet_scarf"', 'Hero_Knight,4,50,', 'blue_sky,general,900,'].join('\n');
    await importFile(csv, 'mine.csv').expect(200);
    await until(() => progressOf(importer).at(-1)?.phase === 'removing-old', 'the removing-old phase', EVENT_WAIT_MS);

    const progress = progressOf(importer);
    expect(progress[0]).toEqual({ phase: 'reading', loaded: 0, total: null });
    expect(progress.filter((report, index) => report.phase !== progress[index - 1]?.phase).map((report) => report.phase)).toEqual(['reading', 'loading', 'activating', 'removing-old']);
    expect(progress.filter((report) => report.phase === 'loading').every((report) => report.total === 3 && report.loaded <= 3)).toBe(true);
    expect(progress.at(-2)).toEqual({ phase: 'activating', loaded: 3, total: 3 });
    expect(progress.at(-1)).toEqual({ phase: 'removing-old', loaded: 3, total: 3 });
    // Everyone else hears only that another list is served, so their browsers drop cached answers.
    await until(() => everyone().every((listener) => listener.events.some((event) => event.name === 'tags.list.changed')), 'tags.list.changed on every socket', EVENT_WAIT_MS);
    for (const listener of [otherAdmin, member.listener]) expect(listener.events).toEqual([{ name: 'tags.list.changed', payload: { source: 'mine.csv' } }]);

    expect(await currentList()).toEqual({
      items: [
        { category: 'general', count: 2 },
        { category: 'character', count: 1 },
      ],
      total: 3,
      list: { source: 'mine.csv', format: 'csv', loadedAt: expect.any(Number) },
    });
  });

  it('sends only the reading phase for a refused file, and the current list stays', async () => {
    const before = await currentList();
    await importFile('good_tag,0,5,\n"open,0,1\n', 'bad.csv').expect(400);
    await until(() => progressOf(importer).length > 0, 'a progress event', EVENT_WAIT_MS);
    expect(progressOf(importer)).toEqual([{ phase: 'reading', loaded: 0, total: null }]);
    expect(await currentList()).toEqual(before);
  });

  it('refuses a member with 403 and pushes nothing to anyone', async () => {
    const res = await importFile('tag,category,count,aliases\nx,0,1,\n', 'tags.csv', member.token).expect(403);
    expect(res.body).toEqual({ statusCode: 403, message: 'Admins only' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...importer.events, ...otherAdmin.events, ...member.listener.events]).toEqual([]);
  });
});
