import { Catalogue } from '../catalogue/catalogue';
import { resolveModelLists } from '../catalogue/model-folders';
import { shapeDifferences } from '../testing/compare-shape';
import { httpRecord, readTranscript } from '../testing/transcripts';
import { isRecord } from './prompt-graph';
import { validatePrompt } from './validate-prompt';

const transcript = readTranscript('05-invalid-prompts.json');
const catalogue = Catalogue.build({ models: resolveModelLists({}, false), customNodes: false, testNodes: false });
const deps = { catalogue, imageExists: (image: string) => Promise.resolve(image === 'present.png') };

const rejectedCases = Object.entries(transcript).flatMap(([name, record]) =>
  isRecord(record) && 'request_prompt' in record ? [[name, record.request_prompt, httpRecord(record.response)] as const] : [],
);

describe('POST /prompt validation as ComfyUI 0.8.0 (transcript 05)', () => {
  it.each(rejectedCases)('%s gives the captured 400 body', async (_name, prompt, response) => {
    const result = await validatePrompt(structuredClone(prompt), undefined, deps);
    expect([result.ok, response.status]).toEqual([false, 400]);
    const body = result.ok ? {} : { error: result.error, node_errors: result.nodeErrors };
    expect(shapeDifferences(response.json, body, { exactAll: true, ignore: ['node_errors.*.errors.*.extra_info.traceback'] })).toEqual([]);
  });

  it('accepts the valid outputs of a partly invalid graph and reports the rest', async () => {
    const prompt = {
      '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 1, color: 0 } },
      '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 'ok' } },
      '3': { class_type: 'LoadImage', inputs: { image: 'absent.png' } },
      '4': { class_type: 'PreviewImage', inputs: { images: ['3', 0] } },
    };
    const result = await validatePrompt(prompt, undefined, deps);
    expect(result).toMatchObject({ ok: true, outputs: ['2'], nodeErrors: { '3': { dependent_outputs: ['4'], class_type: 'LoadImage' } } });
  });

  it.each([
    ['a COMBO value not in the list', { sampler: 'nope' }, 'value_not_in_list', "sampler_name: 'nope' not in (list of length 44)"],
    ['a float below its minimum', { cfg: -1 }, 'value_smaller_than_min', 'cfg'],
  ])('reports %s', async (_name, change, type, details) => {
    const sampler = { model: ['4', 0], seed: 1, steps: 2, cfg: 7, sampler_name: 'euler', scheduler: 'normal', positive: ['6', 0], negative: ['6', 0], latent_image: ['5', 0], denoise: 1 };
    const inputs = { ...sampler, ...('sampler' in change ? { sampler_name: change.sampler } : change) };
    const prompt = {
      '3': { class_type: 'KSampler', inputs },
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 64, height: 64, batch_size: 1 } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'x', clip: ['4', 1] } },
      '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
      '9': { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: 'x' } },
    };
    const result = await validatePrompt(prompt, undefined, deps);
    expect(result.ok).toBe(false);
    expect(result.nodeErrors['3']?.errors).toEqual([expect.objectContaining({ type, details })]);
  });

  it('writes converted values back into the graph', async () => {
    const prompt = {
      '1': { class_type: 'EmptyImage', inputs: { width: '64', height: 48.7, batch_size: 1, color: 0 } },
      '2': { class_type: 'SaveImage', inputs: { images: ['1', 0], filename_prefix: 5 } },
    };
    await validatePrompt(prompt, undefined, deps);
    expect(prompt['1'].inputs).toMatchObject({ width: 64, height: 48 });
    expect(prompt['2'].inputs.filename_prefix).toBe('5');
  });
});
