import type { PromptGraph } from '@app/shared/comfy/protocol';
import type { ComfyBackendClient } from '../comfy-backend-client';
import type { SocketState } from '../comfy-socket';
import type { PromptFrameEvent } from '../prompt-demux';
import type { TrackedPrompt } from '../tracked-prompt';

/** EmptyImage (red) → ImageInvert → SaveImage: model-free, one cyan PNG (COMFYUI.md obs 01). */
export function invertGraph(prefix: string, color = 16711680): PromptGraph {
  return {
    '1': { class_type: 'EmptyImage', inputs: { width: 64, height: 48, batch_size: 1, color } },
    '2': { class_type: 'ImageInvert', inputs: { image: ['1', 0] } },
    '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
  };
}

/** EmptyImage → CaptureProgressPreview (test node: `steps` progress frames with previews) → SaveImage. */
export function progressGraph(prefix: string, steps: number, delayMs: number): PromptGraph {
  return {
    '1': { class_type: 'EmptyImage', inputs: { width: 32, height: 32, batch_size: 1, color: 3368652 } },
    '2': { class_type: 'CaptureProgressPreview', inputs: { image: ['1', 0], steps, delay_ms: delayMs } },
    '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: prefix } },
  };
}

/** LoadImage of an uploaded file → SaveImage. */
export function loadImageGraph(image: string, prefix: string): PromptGraph {
  return {
    '30': { class_type: 'LoadImage', inputs: { image } },
    '31': { class_type: 'SaveImage', inputs: { images: ['30', 0], filename_prefix: prefix } },
  };
}

/** Collects every live event of a prompt, in order: pass `onFrame` to `submit`. */
export function frameRecorder(): { frames: PromptFrameEvent[]; onFrame: (event: PromptFrameEvent) => void } {
  const frames: PromptFrameEvent[] = [];
  return { frames, onFrame: (event) => frames.push(event) };
}

/** Resolves on the first frame that matches. */
export function frameMatching(tracked: TrackedPrompt, matches: (event: PromptFrameEvent) => boolean): Promise<PromptFrameEvent> {
  return new Promise((resolve) => {
    const off = tracked.on('frame', (event) => {
      if (!matches(event)) return;
      off();
      resolve(event);
    });
  });
}

/** Resolves once the client's socket is in `wanted` (now or after later changes). */
export async function socketState(client: ComfyBackendClient, wanted: SocketState): Promise<void> {
  while (client.socket.state !== wanted) await client.next('connection');
}
