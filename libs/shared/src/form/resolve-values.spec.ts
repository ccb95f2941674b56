import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import { parseWorkflow } from '../workflow/parse-workflow';
import type { FormSchema, FormValues } from './field-types';
import { resolveValues } from './resolve-values';
import { validateValues } from './validate-values';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));

function schemaOf(file: string): FormSchema {
  const result = parseWorkflow(readFixtureJson(`workflows/${file}`), objectInfo);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.schema;
}

/** A fixed sequence of draws, so each test shows which draw went where. */
function draws(...values: number[]): () => number {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('more draws than expected');
    return next;
  };
}

function defaults(schema: FormSchema, given: Record<string, unknown> = {}): FormValues {
  const result = validateValues(schema, given);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.values;
}

const i2i = schemaOf('cozygen/cozygen-i2i-example.json');
const flux = schemaOf('cozygen/cozygen-flux-example.json');

describe('W-16 randomize and J-4 job seed', () => {
  it('draws a randomized seed by the CozyGen rule and uses it as the job seed', () => {
    const result = resolveValues(i2i, defaults(i2i, { 'Image Input': 'u' }), { randomize: ['Seed'], bypass: [], random: draws(0.25) });
    expect(result).toMatchObject({ ok: true, randomized: { Seed: 2251799813685248 }, seed: 2251799813685248, seedField: 'Seed', bypassed: [], inactive: [] });
    expect(result.ok && result.values.Seed).toBe(2251799813685248);
  });

  it('keeps the submitted seed when randomize is off', () => {
    const result = resolveValues(i2i, defaults(i2i, { 'Image Input': 'u', Seed: 77 }), { randomize: [], bypass: [], random: draws() });
    expect(result).toMatchObject({ ok: true, randomized: {}, seed: 77, seedField: 'Seed' });
  });

  it('uses the first seed-like field of a plain workflow', () => {
    const sd15 = schemaOf('plain/sd15-txt2img.json');
    expect(resolveValues(sd15, defaults(sd15), { randomize: [], bypass: [], random: draws() })).toMatchObject({ seed: 8675309, seedField: '3.seed' });
  });

  it('draws a job seed in [0, 2^32 − 1] when no field is seed-like', () => {
    const invert = schemaOf('cozygen-min/cozygen-min-int-inputs.json');
    const result = resolveValues(invert, defaults(invert), { randomize: ['Color'], bypass: [], random: draws(0.5, 0.9999999999) });
    expect(result).toMatchObject({ ok: true, randomized: { Color: 8388608 }, seed: 4294967295 });
    expect(result.ok && result.seedField).toBeUndefined();
  });

  it('fills missing values with defaults', () => {
    const result = resolveValues(i2i, { 'Image Input': 'u' }, { randomize: [], bypass: [], random: draws() });
    expect(result.ok && result.values.Steps).toBe(20);
  });
});

describe('W-17 bypass makes fields inactive', () => {
  it('bypassing "Lora 1" leaves "Lora 1 Str" inactive', () => {
    const qwen = schemaOf('cozygen/cozygen-qwen-image-edit-example.json');
    const values = defaults(qwen, { 'Image 1 Input': 'a', 'Image 2 Input': 'b', 'Image 3 Input': 'c' });
    const result = resolveValues(qwen, values, { randomize: ['Seed'], bypass: ['Lora 1'], random: draws(0) });
    expect(result).toMatchObject({ ok: true, bypassed: ['Lora 1'], inactive: ['Lora 1 Str'], randomized: { Seed: 0 }, seed: 0 });
  });

  it('an inactive randomized field draws nothing', () => {
    const schema: FormSchema = {
      fields: [
        { name: 'Lora', label: 'Lora', type: 'choice', default: 'a', choices: ['a'], bypass: { nodes: ['9'] }, targets: [{ nodeId: '9', input: 'lora_name' }], markerNodeIds: ['20'] },
        { name: 'Strength', label: 'Strength', type: 'float', default: 1, min: 0, max: 2, step: 0.1, randomize: { initial: false }, targets: [{ nodeId: '9', input: 'strength_model' }], markerNodeIds: ['21'] },
        { name: 'Noise', label: 'Noise', type: 'int', default: 5, min: 0, max: 9, step: 1, randomize: { initial: true }, targets: [{ nodeId: '3', input: 'noise_seed' }], markerNodeIds: ['22'] },
      ],
      outputs: [],
      type: 'text-to-image',
      source: 'cozygen',
    };
    const result = resolveValues(schema, {}, { randomize: ['Strength', 'Noise'], bypass: ['Lora'], random: draws(0.5) });
    expect(result).toEqual({ ok: true, values: { Lora: 'a', Strength: 1, Noise: 5 }, randomized: { Noise: 5 }, bypassed: ['Lora'], inactive: ['Strength'], seed: 5, seedField: 'Noise' });
  });

  it('rejects switches a field does not have', () => {
    expect(resolveValues(flux, {}, { randomize: ['Steps', 'Nope'], bypass: ['Model'], random: draws() })).toEqual({
      ok: false,
      errors: [
        { field: 'randomize.Steps', message: 'field has no randomize switch' },
        { field: 'randomize.Nope', message: 'field has no randomize switch' },
        { field: 'bypass.Model', message: 'field has no bypass switch' },
      ],
    });
  });
});
