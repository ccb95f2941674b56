import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import { parseWorkflow } from '../workflow/parse-workflow';
import type { FormSchema } from './field-types';
import { MAX_TEXT_LENGTH, validateValues } from './validate-values';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));

function schemaOf(file: string, info: typeof objectInfo | null = objectInfo): FormSchema {
  const result = parseWorkflow(readFixtureJson(`workflows/${file}`), info ?? undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schema;
}

const i2i = schemaOf('cozygen/cozygen-i2i-example.json');
const flux = schemaOf('cozygen/cozygen-flux-example.json');

describe('J-1 values are checked against the form', () => {
  it('fills every missing value with its default and says which', () => {
    expect(validateValues(i2i, { 'Image Input': 'upload-1', Prompt: 'a fox' })).toEqual({
      ok: true,
      values: {
        Prompt: 'a fox',
        'Image Input': 'upload-1',
        'Negative Prompt': 'watermark, text',
        Denoise: 0.65,
        Steps: 20,
        Seed: 1234,
        Cfg: 7,
        Sampler: 'euler',
        Scheduler: 'normal',
        ckpt_name: 'sdxl/sd_xl_base_1.0.safetensors',
      },
      defaulted: ['Negative Prompt', 'Denoise', 'Steps', 'Seed', 'Cfg', 'Sampler', 'Scheduler', 'ckpt_name'],
    });
  });

  it.each([
    ['an unknown key', { Nope: 1 }, 'values.Nope', 'unknown field'],
    ['a missing image', { 'Image Input': undefined }, 'values.Image Input', 'Image required'],
    ['an empty image', { 'Image Input': '' }, 'values.Image Input', 'Image required'],
    ['an image that is not a reference', { 'Image Input': 5 }, 'values.Image Input', 'must be an image upload reference'],
    ['text that is too long', { Prompt: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'values.Prompt', 'must be at most 20000 characters'],
    ['text that is not a string', { Prompt: 5 }, 'values.Prompt', 'must be text'],
    ['a fractional int', { Steps: 2.5 }, 'values.Steps', 'must be an integer'],
    ['an int as a string', { Steps: '20' }, 'values.Steps', 'must be an integer'],
    ['an int below min', { Steps: 0 }, 'values.Steps', 'must be at least 1'],
    ['an int above max', { Steps: 10001 }, 'values.Steps', 'must be at most 10000'],
    ['a seed beyond 2^53 − 1', { Seed: 18446744073709552000 }, 'values.Seed', 'must be at most 9007199254740991'],
    ['a float above max', { Denoise: 1.5 }, 'values.Denoise', 'must be at most 1'],
    ['a non-finite float', { Cfg: null }, 'values.Cfg', 'must be a number'],
    ['a choice outside the list', { Sampler: 'nope' }, 'values.Sampler', '"nope" is not one of the choices'],
    ['a choice of the wrong type', { Sampler: true }, 'values.Sampler', 'must be one of the choices'],
  ])('rejects %s', (_name, given, field, message) => {
    const result = validateValues(i2i, { 'Image Input': 'upload-1', ...given });
    expect(result.ok ? [] : result.errors).toContainEqual({ field, message });
  });

  it('never validates the step (W-9)', () => {
    const result = validateValues(i2i, { 'Image Input': 'u', Seed: 1237, Cfg: 7.3 });
    expect(result.ok && [result.values.Seed, result.values.Cfg]).toEqual([1237, 7.3]);
  });

  it('W-15 matches a Windows model path and stores the list spelling', () => {
    const result = validateValues(i2i, { 'Image Input': 'u', ckpt_name: 'sdxl\\sd_xl_base_1.0.safetensors' });
    expect(result.ok && result.values.ckpt_name).toBe('sdxl/sd_xl_base_1.0.safetensors');
  });

  it('rejects values that are not an object', () => {
    expect(validateValues(i2i, ['x'])).toEqual({ ok: false, errors: [{ field: 'values', message: 'values must be an object of field key → value' }] });
  });

  it('W-14 a choice field without choices cannot be submitted', () => {
    const result = validateValues(flux, {});
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'values.Model', message: 'no choices available' },
      { field: 'values.Clip 1', message: 'no choices available' },
      { field: 'values.Clip 2', message: 'no choices available' },
    ]);
  });

  it('W-17 bypassed and inactive fields are not checked', () => {
    const qwen = schemaOf('cozygen/cozygen-qwen-image-edit-example.json');
    const images = { 'Image 1 Input': 'a', 'Image 2 Input': 'b', 'Image 3 Input': 'c', Model: 'm.safetensors' };
    const bypassed = validateValues(qwen, { ...images, 'Lora 1': 'gone.safetensors', 'Lora 1 Str': 500 }, { bypass: ['Lora 1'] });
    expect(bypassed.ok && [bypassed.values['Lora 1'], bypassed.values['Lora 1 Str']]).toEqual(['detail-tweaker-sd15.safetensors', 1]);
    const active = validateValues(qwen, { ...images, 'Lora 1': 'gone.safetensors' });
    expect(active.ok ? [] : active.errors).toEqual([{ field: 'values.Lora 1', message: '"gone.safetensors" is not one of the choices' }]);
  });

  it('accepts any choice when the list is unresolved (parsed without /object_info)', () => {
    const result = validateValues(schemaOf('cozygen/cozygen-i2i-example.json', null), { 'Image Input': 'u', Sampler: 'my_sampler', ckpt_name: 'A\\b.safetensors' });
    expect(result.ok && [result.values.Sampler, result.values.ckpt_name]).toEqual(['my_sampler', 'A/b.safetensors']);
  });

  it('checks booleans', () => {
    const schema: FormSchema = { fields: [{ name: 'On', label: 'On', type: 'boolean', default: false, targets: [], markerNodeIds: [] }], outputs: [], type: 'text-to-image', source: 'cozygen' };
    expect(validateValues(schema, { On: 'true' })).toEqual({ ok: false, errors: [{ field: 'values.On', message: 'must be true or false' }] });
    expect(validateValues(schema, { On: true })).toEqual({ ok: true, values: { On: true }, defaulted: [] });
  });
});
