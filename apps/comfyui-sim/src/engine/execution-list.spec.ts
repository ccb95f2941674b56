import { readFixtureGraph } from '../testing/fixture-workflows';
import { ExecutionList } from './execution-list';

type Graph = Record<string, Record<string, unknown>>;

function runOrder(prompt: Graph, outputs: string[], cached: string[] = []): string[] {
  const list = new ExecutionList(prompt, (id) => cached.includes(id), (id) => ['SaveImage', 'PreviewImage'].includes(String(prompt[id]?.class_type)));
  for (const output of outputs) list.addNode(output);
  const order: string[] = [];
  for (let id = list.next(); id !== undefined; id = list.next()) {
    order.push(id);
    list.complete(id);
  }
  return order;
}

describe('execution order as ComfyUI stages nodes', () => {
  it('runs a chain in dependency order [obs 01]', () => {
    const prompt: Graph = {
      '1': { class_type: 'EmptyImage', inputs: {} },
      '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } },
      '3': { class_type: 'SaveImage', inputs: { images: ['2', 0] } },
    };
    expect(runOrder(prompt, ['3'])).toEqual(['1', '2', '3']);
  });

  it('loads the checkpoint first in the SD1.5 workflow (it feeds the VAE decoder next to the output)', () => {
    const prompt = readFixtureGraph('workflows/plain/sd15-txt2img.json');
    expect(runOrder(prompt, ['9'])).toEqual(['4', '5', '7', '6', '3', '8', '9']);
  });

  it('skips cached upstream nodes [obs 08]', () => {
    const prompt: Graph = {
      '1': { class_type: 'EmptyImage', inputs: {} },
      '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0] } },
      '3': { class_type: 'SaveImage', inputs: { images: ['2', 0] } },
    };
    expect(runOrder(prompt, ['3'], ['1'])).toEqual(['2', '3']);
  });
});
