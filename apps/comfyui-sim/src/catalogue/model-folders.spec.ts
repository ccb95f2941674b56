import { fixtureWorkflowNodes } from '../testing/fixture-workflows';
import { MODEL_INPUTS, resolveModelLists, STOCK_MODEL_FOLDERS } from './model-folders';

const lists = resolveModelLists({}, true);

/** Literal model names the fixture workflows put into model-list inputs, `\` spelt as `/` (W-15). */
const mentioned = fixtureWorkflowNodes(['cozygen', 'plain']).flatMap((node) =>
  MODEL_INPUTS.filter((entry) => entry.classType === node.classType && typeof node.inputs[entry.input] === 'string').map(
    (entry) => [entry.folder, String(node.inputs[entry.input]).replace(/\\/g, '/')] as const,
  ),
);

describe('default model lists', () => {
  it.each(mentioned)('%s lists %s', (folder, name) => {
    expect(lists[folder]).toContain(name);
  });

  it('has every stock folder plus the GGUF one, and lets options replace a folder', () => {
    expect(Object.keys(lists)).toEqual([...STOCK_MODEL_FOLDERS, 'unet_gguf']);
    expect(resolveModelLists({ loras: ['b.safetensors', 'a.safetensors'] }, false).loras).toEqual(['a.safetensors', 'b.safetensors']);
    expect(resolveModelLists({}, false)).not.toHaveProperty('unet_gguf');
  });
});
