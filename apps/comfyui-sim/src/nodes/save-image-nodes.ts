import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { frameToRgb8 } from '../media/frames';
import { encodePng } from '../media/png';
import { counterText } from '../storage/save-path';
import type { FolderType } from '../storage/sim-dirs';
import type { NodeContext, NodeResult, NodeRunner } from './node-context';
import { imageInput, stringInput } from './node-inputs';
import { savePathFor, workflowMetadata, type SavedFile } from './saved-files';

/** ComfyUI's PreviewImage alphabet, its typo included ('u' twice, no 'w'). */
const PREVIEW_LETTERS = 'abcdefghijklmnopqrstupvxyz';

/** SaveImage → `output/`, PreviewImage → `temp/`, one PNG per batch image (COMFYUI.md §5). */
export const SAVE_IMAGE_RUNNERS: Readonly<Record<string, NodeRunner>> = {
  SaveImage: (context) => saveImages(context, stringInput(context, 'filename_prefix', 'ComfyUI'), 'output', 4),
  PreviewImage: (context) => {
    const letters = Array.from({ length: 5 }, () => PREVIEW_LETTERS[Math.floor(Math.random() * PREVIEW_LETTERS.length)]).join('');
    return saveImages(context, `ComfyUI_temp_${letters}`, 'temp', 1);
  },
};

async function saveImages(context: NodeContext, prefix: string, folder: FolderType, compression: number): Promise<NodeResult> {
  const images = imageInput(context, 'images');
  const path = await savePathFor(context, prefix, folder, images);
  const metadata = workflowMetadata(context);
  const results: SavedFile[] = [];
  for (const [batch, frame] of images.frames.entries()) {
    const filename = `${path.filename.replaceAll('%batch_num%', String(batch))}_${counterText(path.counter + batch)}_.png`;
    await writeFile(join(path.folder, filename), await encodePng(frameToRgb8(frame), frame.width, frame.height, metadata, compression));
    results.push({ filename, subfolder: path.subfolder, type: folder });
  }
  return { values: [], ui: { images: results } };
}
