import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import type { FormSchema, FormValues } from '../form/field-types';
import { parseWorkflow } from '../workflow/parse-workflow';
import { applyPreset } from './apply-preset';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));

function schemaOf(file: string): FormSchema {
  const result = parseWorkflow(readFixtureJson(`workflows/${file}`), objectInfo);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schema;
}

const flux = schemaOf('cozygen/cozygen-flux-example.json');
const i2i = schemaOf('cozygen/cozygen-i2i-example.json');
/** Flux as a later version without its third LoRA. */
const fluxWithoutLora3 = { ...flux, fields: flux.fields.filter((field) => !field.name.startsWith('Lora 3')) };

describe('P-3 applying a preset', () => {
  const current: FormValues = { Prompt: 'a fox', Steps: 8, 'Lora 3': 'detail-tweaker-sd15.safetensors', 'Lora 3 Str': 1 };

  it('merges the preset into the current values and lists what it applied', () => {
    const result = applyPreset(flux, current, { Prompt: 'a knight', Steps: 20, Sampler: 'euler_ancestral' });
    expect(result).toEqual({
      values: { ...current, Prompt: 'a knight', Steps: 20, Sampler: 'euler_ancestral' },
      applied: ['Prompt', 'Steps', 'Sampler'],
      dropped: [],
      flagged: [],
    });
  });

  it('skips and lists fields the current version no longer has', () => {
    const preset = { Prompt: 'a knight', 'Lora 3': 'styles/watercolor-sd15.safetensors', 'Lora 3 Str': 0.6 };
    const result = applyPreset(fluxWithoutLora3, { Prompt: 'a fox' }, preset);
    expect(result.dropped).toEqual(['Lora 3', 'Lora 3 Str']);
    expect(result.applied).toEqual(['Prompt']);
    expect(result.values).toEqual({ Prompt: 'a knight' });
  });

  it.each([
    ['a choice no backend offers', flux, { 'Lora 1': 'gone.safetensors' }, { field: 'Lora 1', reason: 'choice-unavailable', message: '"gone.safetensors" is not one of the choices' }],
    ['a number out of range', flux, { Steps: 0 }, { field: 'Steps', reason: 'invalid', message: 'must be at least 1' }],
    ['text where a number belongs', flux, { Width: 'wide' }, { field: 'Width', reason: 'invalid', message: 'must be an integer' }],
  ])('leaves out and flags %s, keeping the current value', (_case, schema, preset, flag) => {
    const result = applyPreset(schema, current, preset);
    expect(result.flagged).toEqual([flag]);
    expect(result.applied).toEqual([]);
    expect(result.values).toEqual(current);
  });

  it('takes a choice in the live list\'s spelling (W-15)', () => {
    expect(applyPreset(flux, {}, { 'Lora 1': 'styles\\watercolor-sd15.safetensors' }).values).toEqual({ 'Lora 1': 'styles/watercolor-sd15.safetensors' });
  });

  it('flags an image whose upload is gone, applies one that exists, and may clear the field', () => {
    const exists = (reference: string) => reference === 'upload-kept';
    expect(applyPreset(i2i, {}, { 'Image Input': 'upload-deleted' }, { imageExists: exists }).flagged).toEqual([
      { field: 'Image Input', reason: 'image-missing', message: 'the image is no longer there' },
    ]);
    expect(applyPreset(i2i, {}, { 'Image Input': 'upload-kept' }, { imageExists: exists }).values).toEqual({ 'Image Input': 'upload-kept' });
    expect(applyPreset(i2i, { 'Image Input': 'upload-kept' }, { 'Image Input': null }).values).toEqual({ 'Image Input': null });
  });

  it('changes neither the current values nor the preset', () => {
    const before = { ...current };
    const preset = { Prompt: 'x', Nope: 1 };
    applyPreset(flux, current, preset);
    expect(current).toEqual(before);
    expect(preset).toEqual({ Prompt: 'x', Nope: 1 });
  });
});
