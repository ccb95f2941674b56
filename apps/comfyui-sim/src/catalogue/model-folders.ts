/** Model folder name → file names (relative, `/`-separated), as `GET /models/{folder}` lists them. */
export type ModelLists = Record<string, string[]>;

/** `folder_paths.folder_names_and_paths` keys of a stock 0.8.0 server, in its order [src]. */
export const STOCK_MODEL_FOLDERS: readonly string[] = [
  'checkpoints',
  'configs',
  'loras',
  'vae',
  'text_encoders',
  'diffusion_models',
  'clip_vision',
  'style_models',
  'embeddings',
  'diffusers',
  'vae_approx',
  'controlnet',
  'gligen',
  'upscale_models',
  'latent_upscale_models',
  'custom_nodes',
  'hypernetworks',
  'photomaker',
  'classifiers',
  'model_patches',
  'audio_encoders',
];

/** Folder the stand-in's GGUF loader lists; only present with the custom-node catalogue. */
export const GGUF_FOLDER = 'unet_gguf';

/**
 * Every model name the fixture workflows mention (plain, CozyGen examples), spelt as a Linux server
 * lists them (`/`, W-15), plus the placeholders of the captured catalogue and a few common extras.
 */
const DEFAULT_MODELS: ModelLists = {
  checkpoints: ['SDXL/juggernautXL_ragnarokBy.safetensors', 'sdxl/sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'],
  configs: [
    'anything_v3.yaml',
    'v1-inference.yaml',
    'v1-inference_clip_skip_2.yaml',
    'v1-inference_clip_skip_2_fp16.yaml',
    'v1-inference_fp16.yaml',
    'v1-inpainting-inference.yaml',
    'v2-inference-v.yaml',
    'v2-inference-v_fp32.yaml',
    'v2-inference.yaml',
    'v2-inference_fp32.yaml',
    'v2-inpainting-inference.yaml',
  ],
  loras: [
    'Flux/flux1-krea-dev_fp8_scaled.safetensors',
    'WAN/I2V/Wan21_I2V_14B_lightx2v_cfg_step_distill_lora_rank64.safetensors',
    'WAN/Wan2.2-Lightning_I2V-A14B-4steps-lora_HIGH_fp16.safetensors',
    'WAN/Wan2.2-Lightning_I2V-A14B-4steps-lora_LOW_fp16.safetensors',
    'WAN/Wan2.2-Lightning_T2V-v1.1-A14B-4steps-lora_LOW_fp16.safetensors',
    'Wan2.2-Lightning_T2V-v1.1-A14B-4steps-lora_HIGH_fp16.safetensors',
    'Wan2.2-Lightning_T2V-v1.1-A14B-4steps-lora_LOW_fp16.safetensors',
    'detail-tweaker-sd15.safetensors',
    'styles/watercolor-sd15.safetensors',
  ],
  vae: ['FLUX1/ae.safetensors', 'WAN/wan_2.1_vae.safetensors', 'qwen_image_vae.safetensors', 'vae-ft-mse-840000-ema-pruned.safetensors', 'wan_2.1_vae.safetensors'],
  text_encoders: ['clip_l.safetensors', 'qwen_2.5_vl_7b_fp8_scaled.safetensors', 't5xxl_fp16.safetensors', 'umt5_xxl_fp8_e4m3fn_scaled.safetensors'],
  diffusion_models: [
    'Flux/flux1-krea-dev_fp8_scaled.safetensors',
    'Qwen/svdq-int4_r128-qwen-image-edit-2509.safetensors',
    'Wan2_2-T2V-A14B-LOW_fp8_e4m3fn_scaled_KJ.safetensors',
    'Wan2_2-T2V-A14B_HIGH_fp8_e4m3fn_scaled_KJ.safetensors',
    'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors',
    'wan2.2_i2v_low_noise_14B_fp8_scaled.safetensors',
  ],
  clip_vision: ['clip_vision_h.safetensors'],
  controlnet: ['control_v11p_sd15_canny.pth'],
  upscale_models: ['4x-UltraSharp.pth', 'RealESRGAN_x4plus.pth'],
};

const DEFAULT_GGUF_MODELS: readonly string[] = [
  'WAN/Wan2.2-T2V-A14B-HighNoise-Q5_K_M.gguf',
  'WAN/Wan2.2-T2V-A14B-LowNoise-Q5_K_M.gguf',
  'WAN/wan2.2_i2v_high_noise_14B_Q5_K_M.gguf',
  'WAN/wan2.2_i2v_low_noise_14B_Q5_K_M.gguf',
];

/**
 * The folder lists a server answers with: every stock folder (empty unless listed), the GGUF folder
 * with the custom-node catalogue, then `overrides` replacing or adding whole folders. Sorted as
 * `get_filename_list` sorts.
 */
export function resolveModelLists(overrides: ModelLists, customNodes: boolean): ModelLists {
  const lists: ModelLists = {};
  for (const folder of STOCK_MODEL_FOLDERS) lists[folder] = [...(DEFAULT_MODELS[folder] ?? [])];
  if (customNodes) lists[GGUF_FOLDER] = [...DEFAULT_GGUF_MODELS];
  for (const [folder, names] of Object.entries(overrides)) lists[folder] = [...names];
  for (const names of Object.values(lists)) names.sort();
  return lists;
}

export interface ModelInput {
  classType: string;
  input: string;
  folder: string;
  /** Fixed choices the node adds after the folder's files (`pixel_space`, `[None]`). */
  append?: readonly string[];
}

/** Which COMBO inputs list which model folder. */
export const MODEL_INPUTS: readonly ModelInput[] = [
  ...['CheckpointLoaderSimple', 'CheckpointLoader', 'unCLIPCheckpointLoader', 'ImageOnlyCheckpointLoader', 'CreateHookModelAsLora', 'CreateHookModelAsLoraModelOnly', 'LTXVAudioVAELoader', 'LTXAVTextEncoderLoader'].map(
    (classType) => ({ classType, input: 'ckpt_name', folder: 'checkpoints' }),
  ),
  { classType: 'CheckpointLoader', input: 'config_name', folder: 'configs' },
  ...['LoraLoader', 'LoraLoaderModelOnly', 'CreateHookLora', 'CreateHookLoraModelOnly'].map((classType) => ({ classType, input: 'lora_name', folder: 'loras' })),
  { classType: 'TrainLoraNode', input: 'existing_lora', folder: 'loras', append: ['[None]'] },
  { classType: 'VAELoader', input: 'vae_name', folder: 'vae', append: ['pixel_space'] },
  { classType: 'CLIPLoader', input: 'clip_name', folder: 'text_encoders' },
  ...['clip_name1', 'clip_name2'].map((input) => ({ classType: 'DualCLIPLoader', input, folder: 'text_encoders' })),
  ...['clip_name1', 'clip_name2', 'clip_name3'].map((input) => ({ classType: 'TripleCLIPLoader', input, folder: 'text_encoders' })),
  ...['clip_name1', 'clip_name2', 'clip_name3', 'clip_name4'].map((input) => ({ classType: 'QuadrupleCLIPLoader', input, folder: 'text_encoders' })),
  { classType: 'LTXAVTextEncoderLoader', input: 'text_encoder', folder: 'text_encoders' },
  { classType: 'UNETLoader', input: 'unet_name', folder: 'diffusion_models' },
  ...['ControlNetLoader', 'DiffControlNetLoader'].map((classType) => ({ classType, input: 'control_net_name', folder: 'controlnet' })),
  { classType: 'StyleModelLoader', input: 'style_model_name', folder: 'style_models' },
  { classType: 'CLIPVisionLoader', input: 'clip_name', folder: 'clip_vision' },
  { classType: 'GLIGENLoader', input: 'gligen_name', folder: 'gligen' },
  { classType: 'DiffusersLoader', input: 'model_path', folder: 'diffusers' },
  { classType: 'HypernetworkLoader', input: 'hypernetwork_name', folder: 'hypernetworks' },
  { classType: 'UpscaleModelLoader', input: 'model_name', folder: 'upscale_models' },
  { classType: 'LatentUpscaleModelLoader', input: 'model_name', folder: 'latent_upscale_models' },
  { classType: 'PhotoMakerLoader', input: 'photomaker_model_name', folder: 'photomaker' },
  { classType: 'ModelPatchLoader', input: 'name', folder: 'model_patches' },
  { classType: 'AudioEncoderLoader', input: 'audio_encoder_name', folder: 'audio_encoders' },
  { classType: 'UnetLoaderGGUF', input: 'unet_name', folder: GGUF_FOLDER },
  { classType: 'NunchakuQwenImageDiTLoader', input: 'model_name', folder: 'diffusion_models' },
];
