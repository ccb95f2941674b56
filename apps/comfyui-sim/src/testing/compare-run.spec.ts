import { actualFrameTypes, expectedFrameTypes, frameDifferences } from './compare-run';
import type { RecordedFrame } from './recording-socket';
import { readTranscript, runRecord, type WsFrameRecord } from './transcripts';

/** Rebuilds the frames a client would have received from a recording. */
function asReceived(records: readonly WsFrameRecord[]): RecordedFrame[] {
  return records
    .filter((record) => record.direction === 'server->client')
    .map((record): RecordedFrame => {
      if (record.kind === 'text') return { kind: 'text', type: record.json.type, data: structuredClone(record.json.data) };
      const head = Buffer.alloc(8);
      head.writeUInt32BE(record.event_type, 0);
      const metadata = Buffer.from(JSON.stringify(record.metadata ?? {}));
      head.writeUInt32BE(record.event_type === 1 ? (record.image_format_code ?? 1) : metadata.length, 4);
      const jpeg = Buffer.from('ffd8ffe0', 'hex');
      return { kind: 'binary', bytes: Buffer.concat(record.event_type === 1 ? [head, jpeg] : [head, metadata, jpeg]) };
    });
}

const legacy = runRecord(readTranscript('08-binary-preview-frames.json').legacy_client_no_feature_flags);
const promptId = '79502288-9a05-4b3a-bc5b-76250f2422dd';

describe('run comparer on the real recordings', () => {
  it('finds nothing to report when a recording is compared with itself', () => {
    const frames = asReceived(legacy.ws_messages);
    expect(actualFrameTypes(frames)).toEqual(expectedFrameTypes(legacy.ws_messages));
    expect(frameDifferences(legacy.ws_messages, frames, { promptId })).toEqual([]);
  });

  it.each<[string, (frames: RecordedFrame[]) => void, RegExp]>([
    ['another prompt id', (frames) => frames.forEach((frame) => frame.kind === 'text' && frame.type === 'progress' && (frame.data.prompt_id = 'other')), /progress: prompt_id other/],
    ['a wrong step value', (frames) => frames.forEach((frame) => frame.kind === 'text' && frame.type === 'progress' && (frame.data.value = 9)), /value: expected 1, got 9/],
    ['a missing key', (frames) => frames.forEach((frame) => frame.kind === 'text' && frame.type === 'executing' && delete frame.data.display_node), /missing keys display_node/],
    ['a PNG instead of a JPEG preview', (frames) => frames.forEach((frame) => frame.kind === 'binary' && frame.bytes.writeUInt32BE(2, 4)), /image format 2/],
  ])('reports %s', (_name, damage, problem) => {
    const frames = asReceived(legacy.ws_messages);
    damage(frames);
    expect(frameDifferences(legacy.ws_messages, frames, { promptId }).join('\n')).toMatch(problem);
  });
});
