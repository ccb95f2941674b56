import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { FormSchema } from '@app/shared/form/field-types';
import { DEFAULT_RUN_LIMITS } from '@app/shared/form/run-limits';
import { readFixtureJson } from '@test/fixtures';
import { json } from '../../test/fake-api';
import { descriptionOf } from '../../test/render-app';
import { openForm } from '../../test/workflow-form';
import { schemaOf, WORKFLOW_ID, workflowDetail } from '../../test/workflows';

/** width, height (1–16384) and batch_size (1–4096) feeding an EmptyImage. */
const colours = (): FormSchema => schemaOf(readFixtureJson('workflows/cozygen-min/cozygen-min-dynamic-inputs.json'));

const posted = (api: { seen: { method: string; path: string }[] }) => api.seen.filter((seen) => seen.method === 'POST' && seen.path === '/generations');

describe('the admin’s caps, before anything is sent', () => {
  it('puts a too large image on its width and height fields and sends nothing', async () => {
    const screen = await openForm(colours());
    await fireEvent.update(screen.getByRole('spinbutton', { name: 'width' }), '8192');
    await fireEvent.update(screen.getByRole('spinbutton', { name: 'height' }), '8192');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    const message = '8192 × 8192 is 67.1 megapixels per image; the limit is 16.8 megapixels (4096 × 4096)';
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'width' }))).toBe(message);
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'height' }))).toBe(message);
    expect(posted(screen.api)).toEqual([]);
  });

  it('stops the batch size at the cap the api sent', async () => {
    const schema = colours();
    const screen = await openForm(schema, { [`GET /workflows/${WORKFLOW_ID}`]: () => json(200, workflowDetail(schema, { limits: { ...DEFAULT_RUN_LIMITS, maxBatchSize: 8 } })) });
    const batch = screen.getByRole('spinbutton', { name: 'batch_size' }) as HTMLInputElement;
    expect(batch.max).toBe('8');

    await fireEvent.update(batch, '9');
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(descriptionOf(batch)).toBe('Must be at most 8');
    expect(posted(screen.api)).toEqual([]);
  });

  it('says so above the form when the workflow itself asks for more than the caps allow', async () => {
    const fixed: FormSchema = { ...colours(), demands: [{ nodeId: '1', label: 'Canvas', width: { input: 'width', value: 8192 }, height: { input: 'height', value: 8192 } }] };
    const screen = await openForm(fixed);
    await fireEvent.click(screen.getByRole('button', { name: 'Generate' }));

    expect((await screen.findByRole('alert')).textContent).toContain('Canvas: 8192 × 8192 is 67.1 megapixels per image');
    expect(posted(screen.api)).toEqual([]);
  });
});
