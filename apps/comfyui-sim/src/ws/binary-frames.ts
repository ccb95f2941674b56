import { pythonJson } from '../python/python-json';

/** Binary event types ComfyUI sends (COMFYUI.md §3 "Binary preview frames"). */
export const PREVIEW_IMAGE = 1;
export const PREVIEW_IMAGE_WITH_METADATA = 4;
const JPEG_FORMAT = 1;

/** Type 1: `uint32 1 | uint32 1 (JPEG) | JPEG bytes`. */
export function previewFrame(jpeg: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(PREVIEW_IMAGE, 0);
  head.writeUInt32BE(JPEG_FORMAT, 4);
  return Buffer.concat([head, jpeg]);
}

/** Type 4: `uint32 4 | uint32 L | L bytes of JSON metadata | JPEG bytes`. */
export function previewFrameWithMetadata(jpeg: Buffer, promptId: string, nodeId: string): Buffer {
  const metadata = Buffer.from(
    pythonJson({
      node_id: nodeId,
      prompt_id: promptId,
      display_node_id: nodeId,
      parent_node_id: null,
      real_node_id: nodeId,
      image_type: 'image/jpeg',
    }),
    'utf8',
  );
  const head = Buffer.alloc(8);
  head.writeUInt32BE(PREVIEW_IMAGE_WITH_METADATA, 0);
  head.writeUInt32BE(metadata.length, 4);
  return Buffer.concat([head, metadata, jpeg]);
}
