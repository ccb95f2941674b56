import { objectInfoEntry, type NodeDefinition, type SpecJson } from './node-def';

/**
 * Stand-in definitions, written for this project, of the custom-node classes the fixture workflows
 * use that a stock ComfyUI lacks (GGUF, Nunchaku, KJNodes, essentials, rgthree, Crystools,
 * LayerStyle, pysssss, VideoHelperSuite, a Wan MoE sampler). Inputs are inferred from how the
 * fixtures wire them; model lists are filled from the configured folders like the stock loaders.
 */
export function customNodeDefinitions(stock: { samplers: string[]; schedulers: string[] }): Record<string, Record<string, unknown>> {
  const definitions = [...loaderDefinitions(), ...modelPatchDefinitions(), ...imageDefinitions(), ...logicDefinitions(), wanMoeSampler(stock), videoCombine()];
  return Object.fromEntries(definitions.map((definition) => [definition.name, objectInfoEntry(definition)]));
}

const MODEL: SpecJson = ['MODEL'];
const BOOLEAN_FALSE: SpecJson = ['BOOLEAN', { default: false }];
const KJ = { pythonModule: 'custom_nodes.comfyui-kjnodes' };

function loaderDefinitions(): NodeDefinition[] {
  return [
    {
      name: 'UnetLoaderGGUF',
      displayName: 'Unet Loader (GGUF)',
      category: 'bootleg',
      pythonModule: 'custom_nodes.ComfyUI-GGUF',
      required: { unet_name: [[]] },
      outputs: [['MODEL', 'MODEL']],
    },
    {
      name: 'NunchakuQwenImageDiTLoader',
      displayName: 'Nunchaku Qwen-Image DiT Loader',
      category: 'Nunchaku',
      pythonModule: 'custom_nodes.ComfyUI-nunchaku',
      required: { model_name: [[]], cpu_offload: [['auto', 'enable', 'disable'], { default: 'auto' }] },
      optional: { num_blocks_on_gpu: ['INT', { default: 1, min: 1, max: 60 }], use_pin_memory: [['enable', 'disable'], { default: 'disable' }] },
      outputs: [['MODEL', 'MODEL']],
    },
    {
      name: 'Power Lora Loader (rgthree)',
      displayName: 'Power Lora Loader (rgthree)',
      category: 'rgthree',
      pythonModule: 'custom_nodes.rgthree-comfy',
      description: 'LoRAs arrive as extra `lora_N` object inputs, which validation ignores.',
      required: {},
      optional: { model: MODEL, clip: ['CLIP'] },
      outputs: [
        ['MODEL', 'MODEL'],
        ['CLIP', 'CLIP'],
      ],
    },
  ];
}

function modelPatchDefinitions(): NodeDefinition[] {
  return [
    {
      ...KJ,
      name: 'PathchSageAttentionKJ',
      displayName: 'Patch Sage Attention KJ',
      category: 'KJNodes/experimental',
      required: {
        model: MODEL,
        sage_attention: [['disabled', 'auto', 'sageattn_qk_int8_pv_fp16_cuda', 'sageattn_qk_int8_pv_fp16_triton', 'sageattn_qk_int8_pv_fp8_cuda'], { default: 'disabled' }],
      },
      outputs: [['MODEL', 'MODEL']],
    },
    {
      ...KJ,
      name: 'PatchModelPatcherOrder',
      displayName: 'Patch Model Patcher Order',
      category: 'KJNodes/experimental',
      required: {
        model: MODEL,
        patch_order: [['object_patch_first', 'weight_patch_first'], { default: 'weight_patch_first' }],
        full_load: [['auto', 'true', 'false'], { default: 'auto' }],
      },
      outputs: [['MODEL', 'MODEL']],
    },
    {
      ...KJ,
      name: 'ModelPatchTorchSettings',
      displayName: 'Model Patch Torch Settings',
      category: 'KJNodes/experimental',
      required: { model: MODEL, enable_fp16_accumulation: BOOLEAN_FALSE },
      outputs: [['MODEL', 'MODEL']],
    },
    {
      ...KJ,
      name: 'TorchCompileModelWanVideoV2',
      displayName: 'TorchCompileModelWanVideoV2',
      category: 'KJNodes/torchcompile',
      required: {
        model: MODEL,
        backend: [['inductor', 'cudagraphs'], { default: 'inductor' }],
        fullgraph: BOOLEAN_FALSE,
        mode: [['default', 'max-autotune', 'max-autotune-no-cudagraphs', 'reduce-overhead'], { default: 'default' }],
        dynamic: BOOLEAN_FALSE,
        compile_transformer_blocks_only: ['BOOLEAN', { default: true }],
        dynamo_cache_size_limit: ['INT', { default: 64, min: 0, max: 1024, step: 1 }],
      },
      outputs: [['MODEL', 'MODEL']],
    },
  ];
}

function imageDefinitions(): NodeDefinition[] {
  const size: SpecJson = ['INT', { default: 512, min: 0, max: 16384, step: 1 }];
  return [
    {
      ...KJ,
      name: 'ImageResizeKJv2',
      displayName: 'Resize Image v2',
      category: 'KJNodes/image',
      required: {
        image: ['IMAGE'],
        width: size,
        height: size,
        upscale_method: [['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos']],
        keep_proportion: [['stretch', 'resize', 'pad', 'pad_edge', 'crop'], { default: 'stretch' }],
        pad_color: ['STRING', { default: '0, 0, 0' }],
        crop_position: [['center', 'top', 'bottom', 'left', 'right'], { default: 'center' }],
        divisible_by: ['INT', { default: 2, min: 0, max: 512, step: 1 }],
      },
      optional: { mask: ['MASK'], device: [['cpu', 'gpu']] },
      outputs: [
        ['IMAGE', 'IMAGE'],
        ['INT', 'width'],
        ['INT', 'height'],
        ['MASK', 'mask'],
      ],
    },
    {
      ...KJ,
      name: 'GetImageSizeAndCount',
      displayName: 'Get Image Size & Count',
      category: 'KJNodes/image',
      required: { image: ['IMAGE'] },
      outputs: [
        ['IMAGE', 'image'],
        ['INT', 'width'],
        ['INT', 'height'],
        ['INT', 'count'],
      ],
    },
    {
      name: 'ImageFromBatch+',
      displayName: '🔧 Image From Batch',
      category: 'essentials/image batch',
      pythonModule: 'custom_nodes.ComfyUI_essentials',
      required: { image: ['IMAGE'], start: ['INT', { default: 0, min: 0, step: 1 }], length: ['INT', { default: -1, min: -1, step: 1 }] },
      outputs: [['IMAGE', 'IMAGE']],
    },
    {
      name: 'AspectFitSizeChooser',
      displayName: 'Aspect Fit Size Chooser',
      category: 'utils',
      pythonModule: 'custom_nodes.aspect-fit-size',
      required: {
        image: ['IMAGE'],
        max_width: ['INT', { default: 720, min: 16, max: 16384, step: 1 }],
        max_height: ['INT', { default: 720, min: 16, max: 16384, step: 1 }],
        round_to: ['INT', { default: 16, min: 1, max: 512, step: 1 }],
        allow_upscale: BOOLEAN_FALSE,
        batch_policy: [['first', 'largest', 'smallest'], { default: 'first' }],
      },
      outputs: [
        ['INT', 'width'],
        ['INT', 'height'],
      ],
    },
  ];
}

function logicDefinitions(): NodeDefinition[] {
  const seedRange = 1125899906842624;
  return [
    {
      ...KJ,
      name: 'INTConstant',
      displayName: 'INT Constant',
      category: 'KJNodes/constants',
      required: { value: ['INT', { default: 0, min: -0xffffffffffffffff, max: 0xffffffffffffffff }] },
      outputs: [['INT', 'value']],
    },
    {
      name: 'Seed (rgthree)',
      displayName: 'Seed (rgthree)',
      category: 'rgthree',
      pythonModule: 'custom_nodes.rgthree-comfy',
      required: { seed: ['INT', { default: 0, min: -seedRange, max: seedRange }] },
      hidden: { prompt: 'PROMPT', extra_pnginfo: 'EXTRA_PNGINFO', unique_id: 'UNIQUE_ID' },
      outputs: [['INT', 'SEED']],
    },
    {
      name: 'Display Int (rgthree)',
      displayName: 'Display Int (rgthree)',
      category: 'rgthree',
      pythonModule: 'custom_nodes.rgthree-comfy',
      required: { input: ['INT', { forceInput: true }] },
      outputs: [],
      outputNode: true,
    },
    {
      name: 'Switch any [Crystools]',
      displayName: '🪛 Switch any',
      category: 'crystools 🪛/Switch',
      pythonModule: 'custom_nodes.ComfyUI-Crystools',
      required: { on_true: ['*'], on_false: ['*'], boolean: ['BOOLEAN', { default: true }] },
      outputs: [['*', '*']],
    },
    {
      name: 'LayerUtility: BooleanOperator',
      displayName: 'LayerUtility: Boolean Operator',
      category: '😺dzNodes/LayerUtility/Data',
      pythonModule: 'custom_nodes.ComfyUI_LayerStyle',
      required: { a: ['*'], b: ['*'], operator: [['==', '!=', 'and', 'or', 'xor', 'not', 'min', 'max', '>', '<', '>=', '<=']] },
      outputs: [['BOOLEAN', 'output']],
    },
    {
      name: 'PlaySound|pysssss',
      displayName: 'PlaySound 🐍',
      category: 'utils',
      pythonModule: 'custom_nodes.ComfyUI-Custom-Scripts',
      required: {
        any: ['*'],
        mode: [['always', 'on empty queue']],
        volume: ['FLOAT', { default: 0.5, min: 0, max: 1, step: 0.1 }],
        file: ['STRING', { default: 'notify.mp3' }],
      },
      outputs: [],
      outputNode: true,
    },
  ];
}

function wanMoeSampler(stock: { samplers: string[]; schedulers: string[] }): NodeDefinition {
  const float = (value: number, max: number): SpecJson => ['FLOAT', { default: value, min: 0, max, step: 0.01 }];
  return {
    name: 'WanMoeKSamplerAdvanced',
    displayName: 'Wan MoE KSampler (Advanced)',
    category: 'sampling',
    pythonModule: 'custom_nodes.ComfyUI-WanMoeKSampler',
    required: {
      model_high_noise: MODEL,
      model_low_noise: MODEL,
      positive: ['CONDITIONING'],
      negative: ['CONDITIONING'],
      latent_image: ['LATENT'],
      boundary: float(0.875, 1),
      add_noise: [['enable', 'disable']],
      noise_seed: ['INT', { default: 0, min: 0, max: 0xffffffffffffffff }],
      steps: ['INT', { default: 20, min: 1, max: 10000 }],
      cfg_high_noise: float(4, 100),
      cfg_low_noise: float(3, 100),
      sampler_name: [[...stock.samplers, 'deis_2m']],
      scheduler: [[...stock.schedulers, 'bong_tangent']],
      sigma_shift: float(8, 100),
      start_at_step: ['INT', { default: 0, min: 0, max: 10000 }],
      end_at_step: ['INT', { default: 10000, min: 0, max: 10000 }],
      return_with_leftover_noise: [['disable', 'enable']],
    },
    outputs: [['LATENT', 'LATENT']],
  };
}

function videoCombine(): NodeDefinition {
  return {
    name: 'VHS_VideoCombine',
    displayName: 'Video Combine 🎥🅥🅗🅢',
    category: 'Video Helper Suite 🎥🅥🅗🅢',
    pythonModule: 'custom_nodes.comfyui-videohelpersuite',
    required: {
      images: ['IMAGE'],
      frame_rate: ['FLOAT', { default: 8, min: 1, step: 1 }],
      loop_count: ['INT', { default: 0, min: 0, max: 100, step: 1 }],
      filename_prefix: ['STRING', { default: 'AnimateDiff' }],
      format: [['image/gif', 'image/webp', 'video/webm', 'video/h264-mp4']],
      pingpong: BOOLEAN_FALSE,
      save_output: ['BOOLEAN', { default: true }],
    },
    optional: {
      audio: ['AUDIO'],
      meta_batch: ['VHS_BatchManager'],
      vae: ['VAE'],
      pix_fmt: [['yuv420p', 'yuv420p10le']],
      crf: ['INT', { default: 19, min: 0, max: 100, step: 1 }],
      save_metadata: ['BOOLEAN', { default: true }],
      trim_to_audio: BOOLEAN_FALSE,
    },
    hidden: { prompt: 'PROMPT', extra_pnginfo: 'EXTRA_PNGINFO', unique_id: 'UNIQUE_ID' },
    outputs: [['VHS_FILENAMES', 'Filenames']],
    outputNode: true,
  };
}
