import type { BackendList } from '@app/shared/contracts/api/backends';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import sharp from 'sharp';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestStack, type TestStack } from './support/test-stack';

const bearer = { type: 'bearer' } as const;

/** A choice field fed by LoadImage's list: the live content of the backend's input folder. */
const PICK_AN_INPUT = {
  '1': { class_type: 'LoadImage', inputs: { image: ['5', 0] } },
  '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'picked' } },
  '5': { class_type: 'CozyGenChoiceInput', inputs: { param_name: 'Picture', priority: 1, choice_type: '', default_choice: 'None' } },
};

describe('W-14 choice lists follow the backend’s files without waiting 10 minutes', () => {
  let stack: TestStack;
  let admin: string;
  let workflowId: string;
  const addInputFile = async (name: string) => {
    await writeFile(join(stack.sim.dataDir, 'input', name), await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer());
  };
  const choices = async () => {
    const res = await stack.api.http.get(`/api/workflows/${workflowId}`).auth(admin, bearer).expect(200);
    return (res.body as WorkflowDetail).schema.fields.find((field) => field.name === 'Picture')?.choices ?? [];
  };
  const backendId = async () => ((await stack.api.http.get('/api/backends').auth(admin, bearer).expect(200)).body as BackendList).items[0]!.id;

  beforeAll(async () => {
    // The periodic refresh never comes during this test.
    stack = await startTestStack({ workerOptions: { pool: { catalogueIntervalMs: 3_600_000 } } });
    await stack.waitForBackendState('up');
    admin = (await stack.api.loginAdmin()).accessToken;
    await addInputFile('first.png');
    workflowId = (await stack.importWorkflow('Pick an input', PICK_AN_INPUT)).id;
  });
  afterAll(async () => {
    await stack.close();
  });

  it('reads the catalogue again when a backend comes back up', async () => {
    await addInputFile('while-down.png');
    await stack.restartSim(async () => {
      await stack.waitForBackendState('down');
    });
    await stack.waitForBackendState('up');
    const deadline = Date.now() + 10_000;
    while (!(await choices()).includes('while-down.png') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await choices()).toEqual(expect.arrayContaining(['first.png', 'while-down.png']));
  });

  it('an admin’s "refresh now" reads it at once and says so', async () => {
    await addInputFile('just-added.png');
    expect(await choices()).not.toContain('just-added.png');
    const id = await backendId();
    const res = await stack.api.http.post(`/api/backends/${id}/refresh`).auth(admin, bearer).expect(200);
    expect(res.body).toMatchObject({ refreshed: true, backend: { id, state: 'up', catalogueAt: expect.any(Number) } });
    expect(await choices()).toContain('just-added.png');
  });

  it('is for admins only, and names an unknown backend', async () => {
    const member = await stack.api.createUser('not-admin@test.local');
    await stack.api.http.post(`/api/backends/${await backendId()}/refresh`).auth(member.token, bearer).expect(403);
    await stack.api.http.post('/api/backends/00000000-0000-4000-8000-000000000000/refresh').auth(admin, bearer).expect(404);
    await stack.api.http.post('/api/backends/not-an-id/refresh').auth(admin, bearer).expect(400);
  });
});
