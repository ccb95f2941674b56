import type { RunLimits } from '@app/shared/contracts/api/limits';
import type { WorkflowDetail } from '@app/shared/contracts/api/workflows';
import { DEFAULT_RUN_LIMITS } from '@app/shared/form/run-limits';
import { readFixtureJson } from '@test/fixtures';
import { apiRequests } from './support/api-requests';
import { startTestApi, type TestApi } from './support/test-api';

/** Caps on what a member can ask a backend to make: pixels per image, images per run, video frames. */
describe('run caps', () => {
  let api: TestApi;
  let admin: string;
  let member: string;
  let colours: WorkflowDetail;
  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.loginAdmin()).accessToken;
    member = (await api.createUser('caps@test.local')).token;
    colours = (await post('/workflows', { name: 'Colours', graph: readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json') }, admin).expect(201)).body as WorkflowDetail;
  });
  afterEach(async () => {
    await patch('/admin/limits', DEFAULT_RUN_LIMITS, admin).expect(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const { get, post, patch, del } = apiRequests(
    () => api,
    () => member,
  );
  const submit = (values: Record<string, number>) => post('/generations', { workflowId: colours.id, values });

  it('refuses a member’s 8192 × 8192 with 400 naming the width and height fields', async () => {
    const res = await submit({ width: 8192, height: 8192, batch_size: 1 }).expect(400);
    const message = '8192 × 8192 is 67.1 megapixels per image; the limit is 16.8 megapixels (4096 × 4096)';
    expect(res.body).toEqual({
      statusCode: 400,
      message: 'This asks for more than the studio allows',
      errors: [
        { field: 'body.values.width', message },
        { field: 'body.values.height', message },
      ],
    });
    await submit({ width: 4096, height: 4096, batch_size: 1 }).expect(202);
  });

  it('refuses batch_size 4096 naming the field; accepts it once an admin raises the cap', async () => {
    const refused = await submit({ width: 64, height: 64, batch_size: 4096 }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'body.values.batch_size', message: '4096 images per run; the limit is 16' }]);

    const raised = await patch('/admin/limits', { maxBatchSize: 4096 }, admin).expect(200);
    expect(raised.body).toEqual({ ...DEFAULT_RUN_LIMITS, maxBatchSize: 4096 });
    await submit({ width: 64, height: 64, batch_size: 4096 }).expect(202);
    expect((await get('/admin/limits', admin).expect(200)).body).toEqual({ ...DEFAULT_RUN_LIMITS, maxBatchSize: 4096 });
  });

  it('shows the caps with the workflow, so the form can check before submitting', async () => {
    await patch('/admin/limits', { maxFrames: 81 }, admin).expect(200);
    const detail = (await get(`/workflows/${colours.id}`).expect(200)).body as WorkflowDetail;
    expect(detail.limits).toEqual({ ...DEFAULT_RUN_LIMITS, maxFrames: 81 });
    expect(detail.schema.demands).toEqual([
      { nodeId: '1', label: 'EmptyImage', width: { input: 'width', field: 'width' }, height: { input: 'height', field: 'height' }, batch: { input: 'batch_size', field: 'batch_size' } },
    ]);
  });

  it('checks a retry against today’s caps', async () => {
    await patch('/admin/limits', { maxBatchSize: 64 }, admin).expect(200);
    const [{ id }] = (await submit({ width: 64, height: 64, batch_size: 32 }).expect(202)).body.jobs as [{ id: string }];
    await del(`/generations/${id}`).expect(202);
    await patch('/admin/limits', { maxBatchSize: 16 }, admin).expect(200);

    const retry = await post(`/generations/${id}/retry`, {}).expect(400);
    expect(retry.body.errors).toEqual([{ field: 'body.values.batch_size', message: '32 images per run; the limit is 16' }]);
  });

  it('checks the compile dry run too', async () => {
    const res = await post(`/workflows/${colours.id}/compile`, { values: { width: 64, height: 64, batch_size: 17 } }).expect(400);
    expect(res.body.errors).toEqual([{ field: 'body.values.batch_size', message: '17 images per run; the limit is 16' }]);
  });

  it('lets only admins read and change the caps, within ComfyUI’s bounds', async () => {
    await get('/admin/limits').expect(403);
    await patch('/admin/limits', { maxBatchSize: 1 }).expect(403);
    const bad = await patch('/admin/limits', { maxPixels: 0, maxFrames: 1.5, extra: 1 }, admin).expect(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(['body.extra', 'body.maxFrames', 'body.maxPixels']);
    await patch('/admin/limits', {}, admin).expect(400);
    expect((await get('/admin/limits', admin).expect(200)).body as RunLimits).toEqual(DEFAULT_RUN_LIMITS);
  });
});
