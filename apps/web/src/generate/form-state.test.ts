import { describe, expect, it } from 'vitest';
import { fluxSchema } from '../test/workflows';
import { initialFormState, previewSeed, remixFormState } from './form-state';

describe('U-8 the form as it opens', () => {
  it('starts from the defaults with seed-like fields randomized when nothing is remembered', () => {
    const schema = fluxSchema();
    const state = initialFormState(schema, { values: {}, randomize: [], bypass: [], updatedAt: null });

    expect(state.values.Steps).toBe(8);
    expect(state.randomize).toEqual(['Seed']);
    expect(state.bypass).toEqual([]);
  });

  it('drops remembered choices no backend offers any more, and switches the form has not got', () => {
    const schema = fluxSchema();
    const state = initialFormState(schema, {
      values: { 'Lora 1': 'gone.safetensors', 'Lora 2': 'styles\\watercolor-sd15.safetensors', Steps: 4 },
      randomize: ['Steps'],
      bypass: ['Lora 1', 'Steps'],
      updatedAt: 1,
    });

    expect([state.values['Lora 1'], state.values['Lora 2'], state.values.Steps]).toEqual([
      schema.fields.find((field) => field.name === 'Lora 1')?.default,
      'styles/watercolor-sd15.safetensors',
      4,
    ]);
    expect([state.randomize, state.bypass]).toEqual([[], ['Lora 1']]);
  });
});

describe('G-8 remix', () => {
  it('keeps raw text, fixes drawn values and lists keys this version lacks', () => {
    const state = remixFormState(fluxSchema(), {
      values: { Prompt: '{a|b} $x$', Old: 3 },
      resolvedValues: { Prompt: '{a|b} $x$', Seed: 99 },
      randomize: ['Seed'],
      bypass: [],
    });

    expect([state.values.Prompt, state.values.Seed, state.randomize, state.dropped]).toEqual(['{a|b} $x$', 99, [], ['Old']]);
  });
});

describe('J-4 the seed the preview uses', () => {
  it.each([
    [{ Seed: 1234 }, 1234],
    [{ Seed: -1 }, 0],
    [{ Seed: null }, 0],
    [{}, 0],
  ])('%j → %s', (values, expected) => {
    expect(previewSeed(fluxSchema(), values)).toBe(expected);
  });
});
