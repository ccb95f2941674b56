import { readFixtureJson } from '@test/fixtures';
import { parseWorkflow } from '../workflow/parse-workflow';
import { findRunDemands } from '../workflow/run-demands';
import type { FormSchema } from './field-types';
import { capFieldMaxima, checkRunLimits, DEFAULT_RUN_LIMITS, runLimitsSchema } from './run-limits';

function schemaOf(file: string): FormSchema {
  const parsed = parseWorkflow(readFixtureJson(`workflows/${file}`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.schema;
}

const flux = schemaOf('cozygen/cozygen-flux-example.json');
const wan = schemaOf('cozygen/cozygen-wan2-2-t2v-gguf-example.json');
const sd15 = schemaOf('plain/sd15-txt2img.json');
const limits = DEFAULT_RUN_LIMITS;

describe('checkRunLimits: the admin’s caps on what one run makes', () => {
  it('accepts what stays within every cap, 4096 × 4096 included', () => {
    expect(checkRunLimits(flux, { Width: 4096, Height: 4096, 'Batch Size': 16 }, limits)).toEqual([]);
    expect(checkRunLimits(wan, { Width: 1280, Height: 720, Length: 241 }, limits)).toEqual([]);
  });

  it('puts a too large image on both size fields, naming the size and the cap', () => {
    const message = '8192 × 8192 is 67.1 megapixels per image; the limit is 16.8 megapixels (4096 × 4096)';
    expect(checkRunLimits(flux, { Width: 8192, Height: 8192, 'Batch Size': 1 }, limits)).toEqual([
      { field: 'values.Width', message },
      { field: 'values.Height', message },
    ]);
  });

  it('refuses a batch size and a frame count over their caps on the field that set them', () => {
    expect(checkRunLimits(flux, { Width: 512, Height: 512, 'Batch Size': 4096 }, limits)).toEqual([{ field: 'values.Batch Size', message: '4096 images per run; the limit is 16' }]);
    expect(checkRunLimits(wan, { Width: 480, Height: 480, Length: 1000 }, limits)).toEqual([{ field: 'values.Length', message: '1000 frames per run; the limit is 241' }]);
  });

  it('checks detected plain fields the same way', () => {
    expect(checkRunLimits(sd15, { '5.width': 16384, '5.height': 16384, '5.batch_size': 1 }, limits).map((e) => e.field)).toEqual(['values.5.width', 'values.5.height']);
  });

  it('names the workflow when the graph itself fixes a number over a cap', () => {
    const graph = { '1': { class_type: 'EmptyImage', inputs: { width: 8192, height: 8192, batch_size: 1, color: 0 }, _meta: { title: 'Canvas' } } };
    const schema: FormSchema = { ...flux, fields: [], demands: findRunDemands(graph, []) };
    expect(checkRunLimits(schema, {}, limits)).toEqual([{ field: 'workflowId', message: 'Canvas: 8192 × 8192 is 67.1 megapixels per image; the limit is 16.8 megapixels (4096 × 4096)' }]);
  });

  it('follows the admin’s caps, higher or lower', () => {
    expect(checkRunLimits(flux, { Width: 8192, Height: 8192, 'Batch Size': 64 }, { ...limits, maxPixels: 8192 * 8192, maxBatchSize: 64 })).toEqual([]);
    expect(checkRunLimits(flux, { Width: 1024, Height: 1024, 'Batch Size': 2 }, { ...limits, maxBatchSize: 1 })).toEqual([{ field: 'values.Batch Size', message: '2 images per run; the limit is 1' }]);
  });

  it('ignores nodes a bypass removes and a form stored before caps existed', () => {
    const bypassable: FormSchema = {
      ...flux,
      fields: flux.fields.map((f) => (f.name === 'Batch Size' ? { ...f, bypass: { nodes: ['27'] } } : f)),
    };
    expect(checkRunLimits(bypassable, { Width: 8192, Height: 8192, 'Batch Size': 4096 }, limits, { bypass: ['Batch Size'] })).toEqual([]);
    const { demands: _dropped, ...stored } = flux;
    expect(checkRunLimits(stored, { Width: 8192, Height: 8192 }, limits)).toEqual([]);
  });

  it('keeps the caps inside ComfyUI’s own bounds', () => {
    expect(runLimitsSchema.safeParse(DEFAULT_RUN_LIMITS).success).toBe(true);
    expect(runLimitsSchema.safeParse({ ...limits, maxBatchSize: 0 }).success).toBe(false);
    expect(runLimitsSchema.safeParse({ ...limits, maxPixels: 16385 * 16384 }).success).toBe(false);
    expect(runLimitsSchema.safeParse({ ...limits, maxFrames: 1.5 }).success).toBe(false);
  });
});

describe('capFieldMaxima: caps as the form’s maxima', () => {
  it('lowers the maximum of batch and frame fields to their caps and leaves sizes alone', () => {
    const capped = capFieldMaxima(flux, limits);
    const max = (schema: FormSchema, name: string) => schema.fields.find((f) => f.name === name)?.max;
    expect(max(capped, 'Batch Size')).toBe(16);
    expect(max(capped, 'Width')).toBe(2048);
    expect(max(capFieldMaxima(wan, { ...limits, maxFrames: 120 }), 'Length')).toBe(120);
    expect(flux.fields.find((f) => f.name === 'Batch Size')?.max).toBe(2048);
  });
});
