import { findFreePort } from '@app/server/system/free-port';
import { Redis } from 'ioredis';
import { buildServer, runSupervisor, type RunningSupervisor } from './run-supervisor';

const ADMIN = { email: 'admin@studio.local', password: 'admin-password-123' };

/** One GET or POST against the studio, as the admin once `token` is known. */
async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** The server's own answer to "who are you": its process id and data folder. */
async function describeRedis(url: string): Promise<{ pid: number; dir: string }> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    const info = await client.info('server');
    const [, dir] = (await client.config('GET', 'dir')) as [string, string];
    return { pid: Number(/process_id:(\d+)/.exec(info)?.[1]), dir };
  } finally {
    client.disconnect();
  }
}

const pause = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

/** Polls until `check` holds; throws naming `what` after `timeoutMs`. */
async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await pause(100);
  }
}

/** Health answers (0: no answer), polled every 100 ms until stopped: what a monitoring probe would have seen. */
function pollHealth(base: string): { statuses: number[]; stop(): Promise<void> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      statuses.push(await call(base, 'GET', '/api/health').then((res) => res.status, () => 0));
      await pause(100);
    }
  })();
  return {
    statuses,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** The api's and worker's JSON log lines with this message. */
function logLines(supervisor: RunningSupervisor, message: string): { name: string }[] {
  return supervisor
    .fullOutput()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { name: string; msg: string })
    .filter((line) => line.msg === message);
}

describe('X-6 npm start keeps Redis running', () => {
  let supervisor: RunningSupervisor | undefined;
  let health: ReturnType<typeof pollHealth> | undefined;
  beforeAll(() => buildServer());
  afterEach(async () => {
    await health?.stop();
    supervisor?.kill();
  });

  it('restarts a SIGKILLed redis-server on the same port and data folder: the batch completes, health is 503 meanwhile, and api and worker report it in a line or two', async () => {
    const port = await findFreePort();
    const studio = (supervisor = runSupervisor({ PORT: String(port), REDIS_URL: '', LOG_LEVEL: 'info', ADMIN_PASSWORD: ADMIN.password, SIM_STEP_MS: '20' }));
    await studio.printed('Cozy Studio is running');
    const [, redisUrl = '', dataDir = ''] = /Redis started on (\S+) \(data in (.+)\)/.exec(studio.output()) ?? [];
    const base = `http://127.0.0.1:${port}`;

    const { accessToken: token } = (await call(base, 'POST', '/api/auth/login', undefined, ADMIN)).body as { accessToken: string };
    const { items: workflows } = (await call(base, 'GET', '/api/workflows', token)).body as { items: { id: string; name: string }[] };
    const workflowId = workflows.find((workflow) => workflow.name === 'Text to image')?.id;
    const submitted = await call(base, 'POST', '/api/generations', token, { workflowId, values: { Width: 64, Height: 64, Steps: 15 }, count: 8 });
    expect(submitted.status).toBe(202);
    const ids = (submitted.body as { jobs: { id: string }[] }).jobs.map((job) => job.id);
    const statuses = async () => Promise.all(ids.map(async (id) => ((await call(base, 'GET', `/api/generations/${id}`, token)).body as { status: string }).status));
    await waitFor(async () => (await statuses())[0] === 'completed', 'the first job of the batch completed', 30_000);

    const probe = (health = pollHealth(base));
    const killed = await describeRedis(redisUrl);
    process.kill(killed.pid, 'SIGKILL');
    await waitFor(async () => studio.output().includes('[studio] Redis was killed by SIGKILL; restarting in 1 s\n'), 'the restart announced', 10_000);
    await waitFor(async () => (await statuses()).every((status) => status === 'completed'), 'the whole batch completed', 60_000);
    await waitFor(async () => probe.statuses.at(-1) === 200, 'health 200 again', 10_000);
    await probe.stop();

    const restarted = await describeRedis(redisUrl);
    expect(restarted.pid).not.toBe(killed.pid);
    expect(restarted.dir).toBe(dataDir);
    expect(probe.statuses).toContain(503);
    expect(studio.fullOutput()).not.toMatch(/Unhandled error event/);
    for (const message of ['Redis connection lost; reconnecting', 'Redis connection back']) {
      const lines = logLines(studio, message);
      for (const name of ['api', 'worker']) expect(lines.filter((line) => line.name === name).length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(4);
    }

    studio.interrupt();
    expect(await studio.exited).toBe(0);
    expect(studio.groupAlive()).toBe(false);
  }, 120_000);
});
