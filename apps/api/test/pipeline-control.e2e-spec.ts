import type { JobDetail } from '@app/shared/contracts/api/generations';
import { JobsRepository } from '@app/server/repositories/jobs.repository';
import { readFixtureJson } from '@test/fixtures';
import { Dispatcher } from '../src/generations/dispatcher.service';
import { startTestStack, type TestStack } from './support/test-stack';

const bearer = { type: 'bearer' } as const;

describe('pipeline: cancel, errors and a backend going away', () => {
  let stack: TestStack;
  let flux: string;
  let colours: string;
  beforeAll(async () => {
    stack = await startTestStack({ sim: { stepMs: 100 } });
    flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
    colours = (await stack.importWorkflow('Colours', readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json'))).id;
  });
  afterAll(async () => {
    await stack.close();
  });

  const submit = async (token: string, values: Record<string, unknown>, workflowId = flux): Promise<string> => {
    const res = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId, values }).expect(202);
    return (res.body.jobs as [{ id: string }])[0].id;
  };

  it('J-8 cancels a waiting job before dispatch, a job pending on the backend, and a running one', async () => {
    const { token } = await stack.api.createUser('canceller@test.local');
    const long = { Prompt: 'slow', Width: 64, Height: 64, Steps: 30 };
    const running = await submit(token, long);
    const pending = await submit(token, long);
    const waiting = await submit(token, long);
    await stack.waitForJob(token, running, (s) => s === 'running');
    await stack.waitForJob(token, pending, (s) => s === 'dispatched');
    const queued = (await stack.api.http.get(`/api/generations/${waiting}`).auth(token, bearer)).body as JobDetail;
    expect(queued).toMatchObject({ status: 'queued', position: 1 });
    expect((await stack.api.http.get(`/api/generations/${running}`).auth(token, bearer)).body.position).toBeNull();

    const early = await stack.api.http.delete(`/api/generations/${waiting}`).auth(token, bearer).expect(202);
    expect(early.body).toEqual({ id: waiting, status: 'cancelled', cancelRequested: false });
    await stack.api.http.delete(`/api/generations/${pending}`).auth(token, bearer).expect(202);
    await stack.api.http.delete(`/api/generations/${running}`).auth(token, bearer).expect(202);

    const [r, p, w] = await Promise.all([running, pending, waiting].map((id) => stack.waitForJob(token, id)));
    expect([r!.status, p!.status, w!.status]).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(w!.timings.dispatchedAt).toBeNull();
    expect(r!.outputs).toEqual([]);
    // The pending prompt never ran: ComfyUI has no history of it; the running one was interrupted.
    expect(await (await fetch(`${stack.sim.url}/history/${pending}`)).json()).toEqual({});
    const history = (await (await fetch(`${stack.sim.url}/history/${running}`)).json()) as Record<string, { status: { status_str: string } }>;
    expect(history[running]?.status.status_str).toBe('error');
    await stack.api.http.delete(`/api/generations/${running}`).auth(token, bearer).expect(409);
  });

  it('X-1 dispatches a newcomer’s jobs ahead of a long batch already waiting', async () => {
    const a = await stack.api.createUser('batcher@test.local');
    const b = await stack.api.createUser('newcomer@test.local');
    const quick = { Prompt: 'quick', Width: 32, Height: 32, Steps: 3 };
    const batch = await stack.api.http.post('/api/generations').auth(a.token, bearer).send({ workflowId: flux, values: quick, count: 12 }).expect(202);
    const aIds = (batch.body.jobs as { id: string }[]).map((j) => j.id);
    await stack.waitForJob(a.token, aIds[1]!, (s) => s !== 'queued');
    const bIds = await Promise.all([1, 2, 3].map(() => submit(b.token, quick)));
    const jobs = [
      ...(await Promise.all(aIds.map((id) => stack.waitForJob(a.token, id, undefined, 60_000)))),
      ...(await Promise.all(bIds.map((id) => stack.waitForJob(b.token, id, undefined, 60_000)))),
    ];
    const bSubmittedAt = Math.min(...jobs.filter((j) => bIds.includes(j.id)).map((j) => j.timings.queuedAt));
    const after = jobs.filter((j) => (j.timings.dispatchedAt ?? 0) > bSubmittedAt).sort((x, y) => (x.timings.dispatchedAt ?? 0) - (y.timings.dispatchedAt ?? 0));
    expect(bIds).toContain(after[0]?.id);
    expect(after.slice(0, 5).filter((j) => bIds.includes(j.id))).toHaveLength(3);
  }, 90_000);

  it('J-10 fails at once, mapped to the form field, when ComfyUI rejects a value', async () => {
    const { user, token } = await stack.api.createUser('rejected@test.local');
    // A value our form once allowed but the backend refuses (its catalogue changed since).
    const [job] = await stack.api.app.get(JobsRepository).listForUser(user.id, 1);
    expect(job).toBeUndefined();
    const id = '0193f1c2-0000-7000-8000-00000000bad1';
    await stack.api.app.get(Dispatcher).enqueue(user.id, [
      {
        id,
        userId: user.id,
        workflowId: colours,
        workflowVersion: 1,
        batchId: null,
        values: { width: 0 },
        randomize: [],
        bypass: [],
        resolvedValues: { width: 0, height: 32, 'Fill Colour': 255, batch_size: 1, filename_prefix: 'x' },
        seed: 1,
        retryOf: null,
      },
    ]);
    const failed = await stack.waitForJob(token, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ kind: 'validation', fields: [{ field: 'values.width', message: 'Value 0 smaller than min of 1' }] });
    expect(failed.attempts).toBe(1);
  });

  it('J-10 fails with the node, exception type and message when a node errors while running', async () => {
    const { token } = await stack.api.createUser('runtime@test.local');
    stack.sim.faults.set({ failNode: 'EmptyImage' });
    try {
      const id = await submit(token, { width: 32, height: 32 }, colours);
      const failed = await stack.waitForJob(token, id);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatchObject({ kind: 'execution', node: { id: '1', classType: 'EmptyImage' } });
      expect(failed.error?.message).toMatch(/^EmptyImage: /);
    } finally {
      stack.sim.faults.clear();
    }
  });

  it('E-2 waits while the backend is down and runs when it is back', async () => {
    const { token } = await stack.api.createUser('patient@test.local');
    let id = '';
    await stack.restartSim(async () => {
      await stack.waitForBackendState('down');
      id = await submit(token, { width: 16, height: 16 }, colours);
      const waiting = await stack.api.http.get(`/api/generations/${id}`).auth(token, bearer);
      expect((waiting.body as JobDetail).status).toBe('queued');
    });
    const done = await stack.waitForJob(token, id);
    expect(done.status).toBe('completed');
    expect(done.outputs.length).toBeGreaterThan(0);
  });
});
