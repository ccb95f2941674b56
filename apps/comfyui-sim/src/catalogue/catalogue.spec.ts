import { readFixtureJson } from '@test/fixtures';
import { comboOptions, findInputSpec, parseObjectInfo } from '@app/shared/comfy/object-info';
import { Catalogue } from './catalogue';
import { resolveModelLists } from './model-folders';

const stock = readFixtureJson('object-info-full.json');

function choicesOf(catalogue: Catalogue, classType: string, input: string): (string | number)[] | undefined {
  const info = parseObjectInfo(catalogue.one(classType, [])).objectInfo[classType];
  const spec = info && findInputSpec(info, input);
  return spec && comboOptions(spec);
}

describe('stand-in node catalogue', () => {
  it('with custom nodes off and the captured model lists, equals the stock capture', () => {
    const models = {
      checkpoints: ['sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'],
      loras: ['detail-tweaker-sd15.safetensors', 'styles/watercolor-sd15.safetensors'],
      vae: ['vae-ft-mse-840000-ema-pruned.safetensors'],
      text_encoders: [],
      diffusion_models: [],
      clip_vision: [],
      controlnet: [],
      upscale_models: [],
    };
    const catalogue = Catalogue.build({ models: resolveModelLists(models, false), customNodes: false, testNodes: false });
    expect(catalogue.all([])).toEqual(stock);
  });

  it.each([
    ['CheckpointLoaderSimple', 'ckpt_name', 'checkpoints'],
    ['LoraLoader', 'lora_name', 'loras'],
    ['UNETLoader', 'unet_name', 'diffusion_models'],
    ['DualCLIPLoader', 'clip_name2', 'text_encoders'],
    ['UpscaleModelLoader', 'model_name', 'upscale_models'],
    ['UnetLoaderGGUF', 'unet_name', 'unet_gguf'],
  ])('%s.%s lists the configured %s folder', (classType, input, folder) => {
    const models = { [folder]: ['a.safetensors', 'sub/b.safetensors'] };
    const catalogue = Catalogue.build({ models: resolveModelLists(models, true), customNodes: true, testNodes: false });
    expect(choicesOf(catalogue, classType, input)).toEqual(['a.safetensors', 'sub/b.safetensors']);
  });

  it('keeps VAELoader pixel_space after the vae files', () => {
    const catalogue = Catalogue.build({ models: resolveModelLists({ vae: ['x.safetensors'] }, false), customNodes: false, testNodes: false });
    expect(choicesOf(catalogue, 'VAELoader', 'vae_name')).toEqual(['x.safetensors', 'pixel_space']);
  });

  it('lists input/ live for LoadImage and answers {} for an unknown class', () => {
    const catalogue = Catalogue.build({ models: resolveModelLists({}, false), customNodes: false, testNodes: false });
    const info = parseObjectInfo(catalogue.one('LoadImage', ['a.png', 'b.png'])).objectInfo.LoadImage;
    expect(info && comboOptions(info.input.required?.image ?? ['IMAGE'])).toEqual(['a.png', 'b.png']);
    expect(catalogue.one('DoesNotExist', [])).toEqual({});
  });

  it('adds the custom and test nodes only when asked', () => {
    const off = Catalogue.build({ models: resolveModelLists({}, false), customNodes: false, testNodes: false });
    const on = Catalogue.build({ models: resolveModelLists({}, true), customNodes: true, testNodes: true });
    expect(off.info('VHS_VideoCombine')).toBeUndefined();
    expect(off.info('CaptureProgressPreview')).toBeUndefined();
    expect(on.info('VHS_VideoCombine')?.output_node).toBe(true);
    expect(on.info('CaptureProgressPreview')?.category).toBe('testing');
  });
});
