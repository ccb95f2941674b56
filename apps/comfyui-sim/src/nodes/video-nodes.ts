import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAnimation, type AnimationFormat } from '../media/animation';
import { frameToRgb8, type Frame } from '../media/frames';
import { encodePng } from '../media/png';
import { renderPattern } from '../media/pattern';
import { counterText, resolveVhsCounter } from '../storage/save-path';
import type { NodeContext, NodeResult, NodeRunner } from './node-context';
import { booleanInput, imageInput, numberInput, stringInput } from './node-inputs';
import { ImageBatch, Video } from './node-values';
import { savePathFor, workflowMetadata } from './saved-files';

/** Savers producing real animated files, with the UI outputs of COMFYUI.md §6. */
export const VIDEO_RUNNERS: Readonly<Record<string, NodeRunner>> = {
  SaveWEBM: (context) => {
    const format = stringInput(context, 'codec', 'vp9') === 'av1' ? 'webm-av1' : 'webm-vp9';
    return saveAnimation(context, imageInput(context, 'images'), { format, extension: 'webm', fps: numberInput(context, 'fps', 24), quality: numberInput(context, 'crf', 32) });
  },
  CreateVideo: (context) => Promise.resolve({ values: [new Video(imageInput(context, 'images').frames, numberInput(context, 'fps', 30))] }),
  SaveVideo: (context) => {
    const video = context.inputs.video instanceof Video ? context.inputs.video : new Video(placeholderFrames(context.key), 24);
    return saveAnimation(context, new ImageBatch(video.frames), { format: 'mp4', extension: 'mp4', fps: video.fps, defaultPrefix: 'video/ComfyUI' });
  },
  SaveAnimatedWEBP: (context) => {
    const images = imageInput(context, 'images');
    return saveAnimation(context, images, {
      format: 'webp',
      extension: 'webp',
      fps: numberInput(context, 'fps', 6),
      quality: numberInput(context, 'quality', 80),
      lossless: booleanInput(context, 'lossless', true),
      animated: images.frames.length !== 1,
    });
  },
  SaveAnimatedPNG: (context) => saveAnimation(context, imageInput(context, 'images'), { format: 'apng', extension: 'png', fps: numberInput(context, 'fps', 6) }),
  VHS_VideoCombine: combineVideo,
};

interface SaveSettings {
  format: AnimationFormat;
  extension: string;
  fps: number;
  quality?: number;
  lossless?: boolean;
  animated?: boolean;
  defaultPrefix?: string;
}

async function saveAnimation(context: NodeContext, images: ImageBatch, settings: SaveSettings): Promise<NodeResult> {
  const path = await savePathFor(context, stringInput(context, 'filename_prefix', settings.defaultPrefix ?? 'ComfyUI'), 'output', images);
  const filename = `${path.filename}_${counterText(path.counter)}_.${settings.extension}`;
  await writeAnimation(
    images.frames.map(frameToRgb8),
    images,
    { format: settings.format, fps: settings.fps, quality: settings.quality, lossless: settings.lossless, metadata: workflowMetadata(context) },
    join(path.folder, filename),
  );
  return { values: [], ui: { images: [{ filename, subfolder: path.subfolder, type: 'output' }], animated: [settings.animated ?? true] } };
}

const VHS_FORMATS: Readonly<Record<string, { format: AnimationFormat; extension: string }>> = {
  'image/gif': { format: 'gif', extension: 'gif' },
  'image/webp': { format: 'webp', extension: 'webp' },
  'video/webm': { format: 'webm-vp9', extension: 'webm' },
  'video/h264-mp4': { format: 'mp4', extension: 'mp4' },
};

/** VideoHelperSuite's Video Combine: its own `<stem>_<NNNNN>.<ext>` naming and a first-frame PNG. */
async function combineVideo(context: NodeContext): Promise<NodeResult> {
  const images = imageInput(context, 'images');
  const saveOutput = booleanInput(context, 'save_output', true);
  const folder = saveOutput ? 'output' : 'temp';
  const formatName = stringInput(context, 'format', 'image/gif');
  const target = VHS_FORMATS[formatName] ?? { format: 'gif', extension: 'gif' };
  const path = await savePathFor(context, stringInput(context, 'filename_prefix', 'AnimateDiff'), folder, images);
  const counter = await resolveVhsCounter(path.folder, path.filename);
  const stem = `${path.filename}_${counterText(counter)}`;
  const metadata = workflowMetadata(context);
  const first = images.frames[0] ?? renderPattern(context.key, 64, 64);
  await writeFile(join(path.folder, `${stem}.png`), await encodePng(frameToRgb8(first), first.width, first.height, metadata, 4));
  const frames = booleanInput(context, 'pingpong', false) ? pingpong(images.frames) : images.frames;
  const frameRate = numberInput(context, 'frame_rate', 8);
  const fullpath = join(path.folder, `${stem}.${target.extension}`);
  await writeAnimation(
    frames.map(frameToRgb8),
    images,
    { format: target.format, fps: frameRate, quality: numberInput(context, 'crf', 19), loop: numberInput(context, 'loop_count', 0), metadata: [['comment', metadata[0]?.[1] ?? '']] },
    fullpath,
  );
  const preview = { filename: `${stem}.${target.extension}`, subfolder: path.subfolder, type: folder, format: formatName, frame_rate: frameRate, workflow: `${stem}.png`, fullpath };
  return { values: [[saveOutput, [join(path.folder, `${stem}.png`), fullpath]]], ui: { gifs: [preview] } };
}

/** Frames, then the same frames backwards without the last and the first. */
function pingpong(frames: readonly Frame[]): Frame[] {
  return [...frames, ...frames.slice(1, -1).reverse()];
}

function placeholderFrames(fingerprint: string): Frame[] {
  return Array.from({ length: 8 }, (_, index) => renderPattern(fingerprint, 256, 256, index));
}
