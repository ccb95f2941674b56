import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_LIMITS } from '@app/shared/form/run-limits';
import { errorBody, fakeApi, json } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { adminView, memberView } from '../../test/users';

const raised = { maxPixels: 8192 * 8192, maxBatchSize: 64, maxFrames: 241 };

async function openLimits(routes: Routes = {}) {
  const api = fakeApi({ ...signedInAs(adminView), 'GET /admin/limits': () => json(200, DEFAULT_RUN_LIMITS), ...routes });
  const screen = await renderApp('/admin/limits');
  await screen.findByRole('heading', { name: 'Limits', level: 1 });
  await screen.findByRole('spinbutton', { name: 'Pixels per image' });
  return { ...screen, api };
}

const patches = (api: { seen: { method: string; path: string; body: unknown }[] }) => api.seen.filter((seen) => seen.method === 'PATCH' && seen.path === '/admin/limits').map((seen) => seen.body);
const field = (screen: Awaited<ReturnType<typeof openLimits>>, name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;

describe('admin run limits', () => {
  it('shows the current caps with what they mean, one tab among the admin screens', async () => {
    const screen = await openLimits();

    expect(screen.getByRole('link', { name: 'Limits' })).toBeTruthy();
    expect([field(screen, 'Pixels per image').value, field(screen, 'Images per run').value, field(screen, 'Video frames per run').value]).toEqual(['16777216', '16', '241']);
    expect(descriptionOf(field(screen, 'Pixels per image'))).toBe('16.8 megapixels, for example 4096 × 4096; video frames count too.');
    await fireEvent.update(field(screen, 'Pixels per image'), String(8192 * 8192));
    expect(descriptionOf(field(screen, 'Pixels per image'))).toBe('67.1 megapixels, for example 8192 × 8192; video frames count too.');
  });

  it('saves the changed caps and says so', async () => {
    const screen = await openLimits({ 'PATCH /admin/limits': () => json(200, raised) });

    await fireEvent.update(field(screen, 'Pixels per image'), String(raised.maxPixels));
    await fireEvent.update(field(screen, 'Images per run'), '64');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Limits saved')).toBeTruthy();
    expect(patches(screen.api)).toEqual([raised]);
  });

  it('checks the bounds with the shared schema before sending, and shows the api’s refusal on its field', async () => {
    const screen = await openLimits({ 'PATCH /admin/limits': () => errorBody(400, 'Validation failed', [{ field: 'body.maxFrames', message: 'must be at most 16384' }]) });

    await fireEvent.update(field(screen, 'Images per run'), '5000');
    await fireEvent.update(field(screen, 'Video frames per run'), '2.5');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(descriptionOf(field(screen, 'Images per run'))).toBe('Must be at most 4096 Batch sizes and batch repeats.');
    expect(descriptionOf(field(screen, 'Video frames per run'))).toBe('Must be a whole number Frames of one video; 241 is ten seconds at 24 fps.');
    expect(patches(screen.api)).toEqual([]);

    await fireEvent.update(field(screen, 'Images per run'), '16');
    await fireEvent.update(field(screen, 'Video frames per run'), '241');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Validation failed');
    expect(descriptionOf(field(screen, 'Video frames per run'))).toBe('Must be at most 16384 Frames of one video; 241 is ten seconds at 24 fps.');
  });

  it('puts the defaults back in the fields', async () => {
    const screen = await openLimits({ 'GET /admin/limits': () => json(200, raised) });
    expect(field(screen, 'Images per run').value).toBe('64');

    await fireEvent.click(screen.getByRole('button', { name: 'Use the defaults' }));
    expect([field(screen, 'Pixels per image').value, field(screen, 'Images per run').value]).toEqual(['16777216', '16']);
  });

  it('does not exist for members', async () => {
    fakeApi({ ...signedInAs(memberView) });
    const screen = await renderApp('/admin/limits');
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Limits', level: 1 })).toBeNull();
  });
});
