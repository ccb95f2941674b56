/**
 * Model folders whose listings back `choice_type` lists (W-14). Folders a backend lacks answer
 * an error or nothing and are left out.
 */
export const MODEL_FOLDERS = [
  'checkpoints',
  'loras',
  'vae',
  'clip',
  'text_encoders',
  'unet',
  'unet_gguf',
  'diffusion_models',
  'upscale_models',
  'controlnet',
  'clip_vision',
  'embeddings',
] as const;
