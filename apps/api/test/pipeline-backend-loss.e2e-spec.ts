import { readFixtureJson } from '@test/fixtures';
import sharp from 'sharp';
import { startTestStack, type TestStack } from './support/test-stack';
import { until } from './support/until';

const bearer = { type: 'bearer' } as const;

const WAIT_MS = 15_000;

describe('E-2 a backend that goes away is noticed at once', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Probes a minute apart: only the lost connection itself can tell the worker in time.
    stack = await startTestStack({ workerOptions: { pool: { healthIntervalMs: 60_000 } } });
    await stack.waitForBackendState('up');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('is down as soon as it stops, long before a probe could say so', async () => {
    await stack.restartSim(async () => {
      await stack.waitForBackendState('down', 5_000);
    });
  });
});

describe('J-9 a job that never reached its backend', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('goes back to waiting without using an attempt, and runs once the backend is back', async () => {
    const invert = (await stack.importWorkflow('Invert', readFixtureJson('workflows/cozygen-min/cozygen-min-image-input.json'))).id;
    const { token } = await stack.api.createUser('unlucky@test.local');
    const red = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
    const upload = await stack.api.http.post('/api/uploads').auth(token, bearer).attach('file', red, 'red.png').expect(201);
    // The backend stalls the job's image upload, and stops while it is in flight.
    stack.sim.faults.set({ stallMs: 3_000 });
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: invert, values: { 'Source Image': upload.body.id } }).expect(202);
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    const sim = stack.sim;
    await until(() => sim.requests.count('POST /upload/image') > 0, 'the upload', WAIT_MS);
    await stack.restartSim(async () => {
      await stack.waitForBackendState('down');
      expect((await stack.waitForJob(token, id, (status) => status === 'queued')).attempts).toBe(1);
    });
    const job = await stack.waitForJob(token, id, undefined, 45_000);
    expect(job.status).toBe('completed');
    expect(job.attempts).toBe(1);
    expect(job.outputs).toHaveLength(1);
  }, 60_000);

  it('a backend restarted while the outputs download: the job completes from the files it kept, without running the prompt again', async () => {
    const colours = (await stack.importWorkflow('Colours', readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json'))).id;
    const { token } = await stack.api.createUser('restarted-mid-ingest@test.local');
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: colours, values: { width: 16, height: 16, batch_size: 1 } }).expect(202);
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    await stack.waitForJob(token, id, (status) => status !== 'queued');
    stack.sim.faults.set({ stallMs: 2_000 });
    await stack.waitForJob(token, id, (status) => status === 'ingesting');
    const sim = stack.sim;
    await until(() => sim.requests.count('GET /view') > 0, 'the download', WAIT_MS);
    // ComfyUI restarts: the download breaks off and the prompt's history is gone with it, not its files.
    await stack.restartSim();
    const job = await stack.waitForJob(token, id, undefined, 45_000);
    expect(job.status).toBe('completed');
    expect(job.outputs).toHaveLength(1);
    expect(stack.sim.requests.count('POST /prompt')).toBe(0);
  }, 60_000);
});

describe('E-2 / J-10 a backend that comes back without our prompts', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // Probes as in production: 10 s apart while the backend is up.
    stack = await startTestStack({ sim: { stepMs: 50 }, workerOptions: { pool: { healthIntervalMs: 10_000 } } });
    await stack.waitForBackendState('up');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('gets them sent again within moments of its return, not after a probe interval and a retry delay', async () => {
    const flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
    const { token } = await stack.api.createUser('comes-back@test.local');
    const submitted = await stack.api.http.post('/api/generations').auth(token, bearer).send({ workflowId: flux, values: { Prompt: 'again', Width: 64, Height: 64, Steps: 100 } }).expect(202);
    const [{ id }] = submitted.body.jobs as [{ id: string }];
    await stack.waitForJob(token, id, (status) => status === 'running');
    // ComfyUI is down for 3 s and comes back with an empty queue and history.
    await stack.restartSim(() => new Promise((resolve) => setTimeout(resolve, 3_000)));
    const back = Date.now();
    const sim = stack.sim;
    await until(() => sim.requests.count('POST /prompt') > 0, 'the prompt sent again', WAIT_MS);
    expect(Date.now() - back).toBeLessThan(3_000);
    const job = await stack.waitForJob(token, id, undefined, 30_000);
    expect(job.status).toBe('completed');
    expect(job.attempts).toBe(2);
  }, 60_000);
});
