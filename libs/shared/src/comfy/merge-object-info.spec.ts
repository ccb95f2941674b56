import { mergeModelFolders, mergeObjectInfo } from './merge-object-info';
import { comboOptions, findInputSpec, parseObjectInfo, type ObjectInfo } from './object-info';

function catalogue(ckpts: string[], extraClass?: string): ObjectInfo {
  const data: Record<string, unknown> = {
    CheckpointLoaderSimple: { input: { required: { ckpt_name: [ckpts, {}] } }, output: ['MODEL'], output_name: ['MODEL'], name: 'CheckpointLoaderSimple', output_node: false },
  };
  if (extraClass) data[extraClass] = { input: { required: {} }, output: [], output_name: [], name: extraClass, output_node: true };
  return parseObjectInfo(data).objectInfo;
}

describe('W-14 choices are the union over backends', () => {
  it('unions COMBO lists in first-seen order and keeps every class', () => {
    const merged = mergeObjectInfo([catalogue(['a.safetensors', 'b.safetensors']), catalogue(['b.safetensors', 'c.safetensors'], 'OnlyOnTwo')]);
    expect(comboOptions(findInputSpec(merged.CheckpointLoaderSimple!, 'ckpt_name')!)).toEqual(['a.safetensors', 'b.safetensors', 'c.safetensors']);
    expect(Object.keys(merged).sort()).toEqual(['CheckpointLoaderSimple', 'OnlyOnTwo']);
  });

  it('leaves its inputs untouched', () => {
    const first = catalogue(['a']);
    mergeObjectInfo([first, catalogue(['z'])]);
    expect(comboOptions(findInputSpec(first.CheckpointLoaderSimple!, 'ckpt_name')!)).toEqual(['a']);
  });

  it('unions model folders', () => {
    expect(mergeModelFolders([{ loras: ['x'], vae: ['v'] }, { loras: ['y', 'x'] }])).toEqual({ loras: ['x', 'y'], vae: ['v'] });
  });
});
