import { readdirSync } from 'node:fs';
import { fixturePath, readFixtureJson } from '@test/fixtures';
import { isRecord } from '../validation/prompt-graph';
import { MODEL_INPUTS, resolveModelLists, STOCK_MODEL_FOLDERS } from './model-folders';

const lists = resolveModelLists({}, true);

/** Literal model names the fixture workflows put into model-list inputs, `\` spelt as `/` (W-15). */
const mentioned = ['cozygen', 'plain'].flatMap((folder) =>
  readdirSync(fixturePath(`workflows/${folder}`))
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const graph = readFixtureJson(`workflows/${folder}/${file}`);
      return Object.values(isRecord(graph) ? graph : {}).flatMap((node) => {
        if (!isRecord(node) || !isRecord(node.inputs)) return [];
        const inputs = node.inputs;
        return MODEL_INPUTS.filter((entry) => entry.classType === node.class_type && typeof inputs[entry.input] === 'string').map(
          (entry) => [entry.folder, String(inputs[entry.input]).replace(/\\/g, '/')] as const,
        );
      });
    }),
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
