import { describe, expect, it } from 'vitest';
import { choiceFor, choiceOptions } from './choice-options';

describe('W-15 choice lists as the form shows them', () => {
  it.each([
    ['samplers stay as they are', ['euler', 'dpmpp_2m'], [{ value: 'euler', label: 'euler' }, { value: 'dpmpp_2m', label: 'dpmpp_2m' }]],
    ['files of one folder: base names, no groups', ['a.safetensors', 'b.ckpt'], [{ value: 'a.safetensors', label: 'a' }, { value: 'b.ckpt', label: 'b' }]],
    [
      'files of several folders: grouped, top level first',
      ['sdxl/base.safetensors', 'v1-5.safetensors', 'flux/krea.gguf'],
      [
        { value: 'v1-5.safetensors', label: 'v1-5' },
        { value: 'flux/krea.gguf', label: 'krea', group: 'flux' },
        { value: 'sdxl/base.safetensors', label: 'base', group: 'sdxl' },
      ],
    ],
    [
      'one name in two folders: the folder is added',
      ['sdxl/model.safetensors', 'sd15/model.safetensors'],
      [
        { value: 'sd15/model.safetensors', label: 'model (sd15)', group: 'sd15' },
        { value: 'sdxl/model.safetensors', label: 'model (sdxl)', group: 'sdxl' },
      ],
    ],
    ['Windows separators read as folders', ['SDXL\\juggernaut.safetensors', 'x.safetensors'], [{ value: 'x.safetensors', label: 'x' }, { value: 'SDXL\\juggernaut.safetensors', label: 'juggernaut', group: 'SDXL' }]],
    ['numbers', [1, 2], [{ value: '1', label: '1' }, { value: '2', label: '2' }]],
  ])('%s', (_case, choices, expected) => {
    expect(choiceOptions(choices)).toEqual(expected);
  });

  it('maps a select value back to the choice, numbers included', () => {
    expect([choiceFor([1, 'two'], '1'), choiceFor([1, 'two'], 'two'), choiceFor([1], 'x')]).toEqual([1, 'two', undefined]);
  });
});
