import { readFixtureJson } from '@test/fixtures';
import { Dispatcher } from '../src/generations/dispatcher.service';
import { startTestStack, type TestStack } from './support/test-stack';

/** Two independent branches, each ending in its own SaveImage. */
const TWO_BRANCHES = {
  '1': { class_type: 'EmptyImage', inputs: { width: 48, height: 32, batch_size: 1, color: 16711680 } },
  '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } },
  '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: 'left' } },
  '11': { class_type: 'EmptyImage', inputs: { width: 40, height: 24, batch_size: 1, color: 255 } },
  '13': { class_type: 'SaveImage', inputs: { images: ['11', 0], filename_prefix: 'right' } },
};

describe('J-10 a graph ComfyUI accepts only in part (200 with node_errors)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ sim: { stepMs: 100 } });
  });
  afterAll(async () => {
    await stack.close();
  });

  /** A value the form once allowed but the backend refuses, on one branch only. */
  const enqueueRefusedInPart = async (userId: string, id: string) => {
    const workflow = await stack.importWorkflow(`Two branches ${id}`, TWO_BRANCHES);
    const fields = Object.fromEntries(workflow.schema.fields.map((field) => [field.name, field.default]));
    await stack.api.app.get(Dispatcher).enqueue(userId, [
      { id, userId, workflowId: workflow.id, workflowVersion: 1, batchId: null, values: {}, randomize: [], bypass: [], resolvedValues: { ...fields, '11.width': 0 }, seed: 1, retryOf: null },
    ]);
  };

  it('fails with the mapped errors, and keeps what the valid branch made before it could be stopped', async () => {
    const { user, token } = await stack.api.createUser('partly@test.local');
    const id = '0193f1c2-0000-7000-8000-0000000ba1f1';
    await enqueueRefusedInPart(user.id, id);
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ kind: 'validation', fields: [{ field: 'values.11.width', message: 'Value 0 smaller than min of 1' }] });
    expect(job.error?.message).toMatch(/ran before it could be stopped/);
    // ComfyUI ran the valid branch at once (as a real 0.8.0 does): its picture is the job's, not an orphan.
    const history = (await (await fetch(`${stack.sim.url}/history/${id}`)).json()) as Record<string, { prompt: unknown[]; status: { completed: boolean } }>;
    expect(history[id]?.prompt[4]).toEqual(['3']);
    expect(job.outputs).toHaveLength(1);
    expect(job.outputs[0]).toMatchObject({ nodeId: '3', kind: 'image', width: 48, height: 32 });
    expect(job.attempts).toBe(1);
  });

  it('deletes it from the queue while it still waits behind another prompt: nothing runs', async () => {
    const { user, token } = await stack.api.createUser('partly-busy@test.local');
    const flux = (await stack.importWorkflow('Flux', readFixtureJson('workflows/cozygen/cozygen-flux-example.json'))).id;
    const busy = await stack.api.http.post('/api/generations').auth(token, { type: 'bearer' }).send({ workflowId: flux, values: { Prompt: 'busy', Width: 32, Height: 32, Steps: 30 } }).expect(202);
    const [{ id: busyId }] = busy.body.jobs as [{ id: string }];
    await stack.waitForJob(token, busyId, (status) => status === 'running');
    const id = '0193f1c2-0000-7000-8000-0000000ba1f2';
    await enqueueRefusedInPart(user.id, id);
    const job = await stack.waitForJob(token, id);
    expect(job.status).toBe('failed');
    expect(job.error?.message).toBe('ComfyUI refused the workflow');
    expect(job.outputs).toEqual([]);
    expect(await (await fetch(`${stack.sim.url}/history/${id}`)).json()).toEqual({});
    expect((await stack.waitForJob(token, busyId)).status).toBe('completed');
  });
});
