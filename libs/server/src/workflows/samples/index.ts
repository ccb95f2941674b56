import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SampleWorkflow {
  name: string;
  description: string;
  graph: unknown;
}

/**
 * The workflows seeded on first start (W-4). All are the project's own or carry no third-party
 * licence; the model-free ones also run on a CPU-only ComfyUI without any model files.
 */
const SAMPLES = [
  { file: 'txt2img.json', name: 'Text to image', description: 'Checkpoint, prompts, seed, size, steps, CFG, sampler and scheduler on core nodes.' },
  { file: 'solid-colour.json', name: 'Solid colour', description: 'Model-free: a batch of solid images from width, height and a randomizable colour.' },
  { file: 'colour-card.json', name: 'Colour card', description: 'Model-free: an inverted colour card with stepped sizes.' },
  { file: 'invert-image.json', name: 'Invert an image', description: 'Model-free image-to-image: upload a picture and get its negative.' },
  { file: 'plain-invert.json', name: 'Plain invert (no markers)', description: 'Model-free plain ComfyUI workflow; its form is detected from the graph.' },
] as const;

export function sampleWorkflows(): SampleWorkflow[] {
  return SAMPLES.map(({ file, name, description }) => ({ name, description, graph: JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as unknown }));
}
