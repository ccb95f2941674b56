import type { OutputView } from '@app/shared/contracts/api/generations';
import { mediaKindSchema, type OutputMediaUrls } from '@app/shared/contracts/api/media';
import type { OutputsTable } from '../db/schema';

/** An output row as the api and the socket events show it, with URLs signed for its viewer. */
export function outputView(row: OutputsTable, urls: OutputMediaUrls): OutputView {
  return {
    id: row.id,
    jobId: row.jobId,
    kind: mediaKindSchema.parse(row.kind),
    mime: row.mime,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    bytes: row.bytes,
    nodeId: row.nodeId,
    thumbhash: row.thumbhash,
    createdAt: row.createdAt,
    urls,
  };
}
