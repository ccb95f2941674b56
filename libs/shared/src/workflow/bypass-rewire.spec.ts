import { readFixtureJson } from '@test/fixtures';
import { parseObjectInfo } from '../comfy/object-info';
import type { ApiGraph } from './api-graph';
import { apiGraphSchema } from './api-graph';
import { applyBypasses } from './bypass-rewire';

const { objectInfo } = parseObjectInfo(readFixtureJson('object-info-full.json'));
const loraChain = apiGraphSchema.parse(readFixtureJson('workflows/plain/sd15-txt2img-lora-chain.json'));
const flux = apiGraphSchema.parse(readFixtureJson('workflows/cozygen/cozygen-flux-example.json'));

function bypass(graph: ApiGraph, nodes: string[]): ApiGraph {
  const result = applyBypasses(graph, [{ field: 'Lora', nodes }], objectInfo);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.graph;
}

describe('W-17 bypass rewiring', () => {
  it('bypassing LoRA 1 in checkpoint → LoRA 1 → LoRA 2 connects LoRA 2 to the checkpoint (by output name)', () => {
    const graph = bypass(loraChain, ['10']);
    expect(graph['10']).toBeUndefined();
    expect(graph['11']?.inputs).toMatchObject({ model: ['4', 0], clip: ['4', 1] });
  });

  it('bypassing both LoRAs follows the chain to the checkpoint', () => {
    const graph = bypass(loraChain, ['10', '11']);
    expect([graph['3']?.inputs.model, graph['6']?.inputs.clip, graph['7']?.inputs.clip]).toEqual([['4', 0], ['4', 1], ['4', 1]]);
  });

  it('bypassing the first of three LoraLoaderModelOnly in the Flux example', () => {
    const graph = bypass(flux, ['69']);
    expect(graph['70']?.inputs.model).toEqual(['38', 0]);
    expect(graph['71']?.inputs.model).toEqual(['70', 0]);
  });

  it('falls back to the only linked input of the same type (LatentUpscale: LATENT ← samples)', () => {
    const graph = apiGraphSchema.parse({
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 64, height: 64, batch_size: 1 } },
      '6': { class_type: 'LatentUpscale', inputs: { samples: ['5', 0], upscale_method: 'nearest-exact', width: 128, height: 128, crop: 'disabled' } },
      '7': { class_type: 'SaveLatent', inputs: { samples: ['6', 0], filename_prefix: 'x' } },
    });
    expect(bypass(graph, ['6'])['7']?.inputs.samples).toEqual(['5', 0]);
  });

  it('names node and slot when no input matches', () => {
    const graph = apiGraphSchema.parse({
      '3': { class_type: 'KSampler', inputs: {} },
      '4': { class_type: 'VAELoader', inputs: { vae_name: 'vae-ft-mse-840000-ema-pruned.safetensors' } },
      '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 0] } },
      '9': { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: 'x' } },
    });
    expect(applyBypasses(graph, [{ field: 'Decode', nodes: ['8'] }], objectInfo)).toEqual({
      ok: false,
      errors: [{ field: 'bypass.Decode', message: 'cannot bypass node 8 (VAEDecode): no input matches output 0 IMAGE' }],
    });
  });

  it('cannot rewire without /object_info', () => {
    expect(applyBypasses(loraChain, [{ field: 'Lora 1', nodes: ['10'] }])).toEqual({
      ok: false,
      errors: [
        { field: 'bypass.Lora 1', message: 'cannot bypass node 10 (LoraLoader): no input matches output 0 (unknown: no /object_info for this node)' },
        { field: 'bypass.Lora 1', message: 'cannot bypass node 10 (LoraLoader): no input matches output 1 (unknown: no /object_info for this node)' },
      ],
    });
  });

  it('leaves the input graph unchanged', () => {
    const before = JSON.stringify(loraChain);
    bypass(loraChain, ['10']);
    expect(JSON.stringify(loraChain)).toBe(before);
  });
});
