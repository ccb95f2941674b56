import { readFixtureJson } from '@test/fixtures';
import type { FormSchema } from '../form/field-types';
import { parseWorkflow } from './parse-workflow';
import { findRunDemands } from './run-demands';

function schemaOf(file: string): FormSchema {
  const parsed = parseWorkflow(readFixtureJson(`workflows/${file}`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.schema;
}

describe('findRunDemands: what a graph asks a backend to make, and which field sets it', () => {
  it('follows CozyGen markers to the latent node they feed', () => {
    expect(schemaOf('cozygen/cozygen-flux-example.json').demands).toEqual([
      {
        nodeId: '27',
        label: 'EmptySD3LatentImage',
        width: { input: 'width', field: 'Width' },
        height: { input: 'height', field: 'Height' },
        batch: { input: 'batch_size', field: 'Batch Size' },
      },
    ]);
  });

  it('reads a video node’s length, and the graph’s literal where no field writes the input', () => {
    expect(schemaOf('cozygen/cozygen-wan2-2-t2v-gguf-example.json').demands).toEqual([
      {
        nodeId: '74',
        label: 'EmptyHunyuanLatentVideo',
        width: { input: 'width', field: 'Width' },
        height: { input: 'height', field: 'Height' },
        batch: { input: 'batch_size', value: 1 },
        frames: { input: 'length', field: 'Length' },
      },
    ]);
  });

  it('covers the fields detected in a plain workflow', () => {
    expect(schemaOf('plain/sd15-txt2img.json').demands).toEqual([
      { nodeId: '5', label: 'Empty Latent Image', width: { input: 'width', field: '5.width' }, height: { input: 'height', field: '5.height' }, batch: { input: 'batch_size', field: '5.batch_size' } },
    ]);
  });

  it('leaves out a size computed by another node, and nodes that make nothing of a size', () => {
    const demands = findRunDemands(
      {
        '1': { class_type: 'SizeFromImage', inputs: {} },
        '2': { class_type: 'WanImageToVideo', inputs: { width: ['1', 0], height: ['1', 1], length: 81, batch_size: 1 } },
        '3': { class_type: 'CLIPTextEncodeSDXL', inputs: { width: 8192, height: 8192 } },
        '4': { class_type: 'ImageScale', inputs: { width: ['1', 0], height: ['1', 1] } },
      },
      [],
    );
    expect(demands).toEqual([{ nodeId: '2', label: 'WanImageToVideo', batch: { input: 'batch_size', value: 1 }, frames: { input: 'length', value: 81 } }]);
  });

  it('reads only the table’s own entries: a node class named like an Object method is nothing', () => {
    expect(findRunDemands({ '1': { class_type: 'constructor', inputs: { width: 1, height: 1 } } }, [])).toEqual([]);
  });
});
