import type { JobDetail } from '@app/shared/contracts/api/generations';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { SocketView } from './socket-view';
import { jobDetail, outputOf } from './testing/job-detail';
import { waitUntil } from './wait';

const JOB = '01a24c22-0000-7000-8000-00000000000a';

/** A real Socket.IO server at the studio's path, driven by the test. */
describe('a socket’s view of its jobs, as the web app keeps it', () => {
  let http: HttpServer;
  let io: Server;
  let url: string;
  let server: Socket | undefined;
  let view: SocketView;
  let answer: JobDetail;
  let asked: number;

  beforeEach(async () => {
    http = createServer();
    io = new Server(http, { path: '/api/socket.io' });
    io.on('connection', (socket) => (server = socket));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    asked = 0;
    answer = jobDetail(JOB, 'running', 3);
    view = new SocketView(url, 'token', async () => {
      asked += 1;
      return answer;
    });
    await view.connected();
    view.follow([JOB]);
  });
  afterEach(async () => {
    view.close();
    await io.close();
  });

  const emit = async (name: string, payload: Record<string, unknown>) => {
    const before = view.counts.events;
    server?.emit(name, { jobId: JOB, ...payload });
    await waitUntil(`${name} to arrive`, 5000, () => view.counts.events > before, 5);
  };

  it('applies events by seq: a late, older event changes nothing; completion brings the outputs', async () => {
    await emit('job.queued', { seq: 1, position: null });
    await emit('job.dispatched', { seq: 2, backend: 'b0' });
    await emit('job.queued', { seq: 1, position: null });
    expect(view.view(JOB)?.status).toBe('dispatched');
    await emit('job.started', { seq: 3 });
    await emit('job.completed', { seq: 4, outputs: [outputOf(JOB, 1)] });
    expect(view.view(JOB)).toMatchObject({ status: 'completed', outputIds: [outputOf(JOB, 1).id], seq: 4 });
    expect(asked).toBe(0);
  });

  it('re-fetches on a gap in seq, and never lets an older answer move the job back', async () => {
    await emit('job.queued', { seq: 1, position: null });
    answer = jobDetail(JOB, 'dispatched', 2);
    await emit('job.started', { seq: 4 });
    await view.settled();
    expect(view.counts.refetchOnGap).toBe(1);
    expect(view.view(JOB)?.status).toBe('running');
  });

  it('re-fetches every unfinished job after reconnecting: what was missed meanwhile shows', async () => {
    await emit('job.started', { seq: 1 });
    answer = jobDetail(JOB, 'completed', 4);
    server?.conn.close();
    await waitUntil('the socket to reconnect', 10_000, () => view.counts.reconnects === 1);
    await view.settled();
    expect(view.counts.refetchOnReconnect).toBe(1);
    expect(view.view(JOB)).toMatchObject({ status: 'completed', outputIds: answer.outputs.map((o) => o.id) });
  });

  it('records two different endings of one job', async () => {
    await emit('job.completed', { seq: 5, outputs: [] });
    await emit('job.failed', { seq: 6, error: { kind: 'internal', message: 'x' } });
    expect([...(view.view(JOB)?.endings ?? [])]).toEqual(['job.completed#5', 'job.failed#6']);
  });
});
