import { previewMetadataSchema } from '@app/shared/comfy/protocol';
import { shapeDifferences } from './compare-shape';
import type { RecordedFrame } from './recording-socket';
import type { HttpAnswer } from './sim-http';
import type { HttpRecord, WsFrameRecord } from './transcripts';

/** Values the server computes deterministically in WS frames (fixtures/comfyui-real/README.md). */
const FRAME_EXACT = [
  'status.exec_info.queue_remaining',
  'nodes',
  'node',
  'display_node',
  'value',
  'max',
  'executed',
  'node_id',
  'node_type',
  'exception_type',
  'current_inputs',
  'output.*.*.subfolder',
  'output.*.*.type',
  'output.*.*.filename',
  'output.animated',
];
const FRAME_IGNORED = ['traceback', 'exception_message', 'timestamp', 'prompt_id', 'nodes.*.prompt_id', 'sid'];

export interface RunCheck {
  promptId: string;
  /** Filename patterns where the captured name cannot repeat (`capture_prev_a_\d{5}_.png`). */
  filenames?: RegExp;
}

/** `type` per frame, `binary:<event type>` for binary ones: the order a replay must reproduce. */
export function expectedFrameTypes(records: readonly WsFrameRecord[]): string[] {
  return records.filter((record) => record.direction === 'server->client').map((record) => (record.kind === 'text' ? record.json.type : `binary:${record.event_type}`));
}

export function actualFrameTypes(frames: readonly RecordedFrame[]): string[] {
  return frames.map((frame) => (frame.kind === 'text' ? frame.type : `binary:${frame.bytes.readUInt32BE(0)}`));
}

/**
 * Differences between a recorded and a replayed frame sequence of the same types: data shapes,
 * deterministic values, the run's own prompt id in every prompt frame, binary layouts.
 */
export function frameDifferences(records: readonly WsFrameRecord[], frames: readonly RecordedFrame[], check: RunCheck): string[] {
  const expected = records.filter((record) => record.direction === 'server->client');
  const out: string[] = [];
  expected.forEach((record, index) => {
    const frame = frames[index];
    if (!frame) return;
    const where = `frame ${index}`;
    if (record.kind === 'binary' || frame.kind === 'binary') {
      out.push(...binaryDifferences(record, frame, check).map((problem) => `${where}: ${problem}`));
      return;
    }
    const patterns = check.filenames ? { 'output.images.0.filename': check.filenames } : undefined;
    out.push(...shapeDifferences(record.json.data, frame.data, { exact: FRAME_EXACT, ignore: FRAME_IGNORED, patterns }).map((problem) => `${where} ${frame.type}: ${problem}`));
    if (frame.type === 'status' || frame.type === 'feature_flags') return;
    if (frame.data.prompt_id !== check.promptId) out.push(`${where} ${frame.type}: prompt_id ${String(frame.data.prompt_id)}`);
    if (frame.type === 'execution_error' && !String(frame.data.exception_message).endsWith('\n')) out.push(`${where}: exception_message does not end with a newline`);
  });
  return out;
}

function binaryDifferences(record: WsFrameRecord, frame: RecordedFrame, check: RunCheck): string[] {
  if (record.kind !== 'binary' || frame.kind !== 'binary') return ['text and binary frames swapped'];
  const bytes = frame.bytes;
  const eventType = bytes.readUInt32BE(0);
  if (eventType !== record.event_type) return [`event type ${eventType}, expected ${record.event_type}`];
  if (eventType === 1) {
    const problems = bytes.readUInt32BE(4) === record.image_format_code ? [] : [`image format ${bytes.readUInt32BE(4)}`];
    return bytes.subarray(8, 11).toString('hex') === 'ffd8ff' ? problems : [...problems, 'not a JPEG'];
  }
  const length = bytes.readUInt32BE(4);
  const metadata = previewMetadataSchema.parse(JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')));
  const problems = shapeDifferences(record.metadata, metadata, { exact: ['node_id', 'display_node_id', 'parent_node_id', 'real_node_id', 'image_type'], ignore: ['prompt_id'] });
  if (metadata.prompt_id !== check.promptId) problems.push(`metadata prompt_id ${metadata.prompt_id}`);
  if (bytes.subarray(8 + length, 11 + length).toString('hex') !== 'ffd8ff') problems.push('not a JPEG');
  return problems;
}

/** A history entry against the captured one: shapes, graph, outputs, outcome and message types. */
export function historyDifferences(expected: unknown, actual: unknown, check: RunCheck): string[] {
  const patterns = check.filenames ? { 'outputs.*.images.0.filename': check.filenames } : undefined;
  return shapeDifferences(expected, actual, {
    exact: ['prompt.2', 'prompt.3.extra_pnginfo', 'prompt.4', 'outputs', 'status.status_str', 'status.completed', 'status.messages.*.0', 'status.messages.*.1.nodes', 'status.messages.*.1.node_id', 'status.messages.*.1.executed', 'meta'],
    ignore: ['prompt.0', 'prompt.1', 'status.messages.*.1.prompt_id', 'status.messages.*.1.traceback', 'status.messages.*.1.exception_message'],
    patterns,
  });
}

/** An HTTP answer against a record: status, media type, empty or not, and the JSON shape. */
export function httpDifferences(record: HttpRecord, answer: HttpAnswer, options: { exactJson?: boolean } = {}): string[] {
  const out: string[] = [];
  if (answer.status !== record.status) out.push(`status ${answer.status}, expected ${record.status}`);
  const mediaType = (value: string | null | undefined): string => (value ?? '').split(';')[0]?.trim() ?? '';
  if (mediaType(answer.contentType) !== mediaType(record.headers['Content-Type'])) out.push(`content type ${answer.contentType}, expected ${record.headers['Content-Type']}`);
  const recordEmpty = record.body_length === 0 || record.headers['Content-Length'] === '0';
  if (recordEmpty !== (answer.body.length === 0)) out.push(`body length ${answer.body.length}`);
  if (record.json !== undefined) out.push(...shapeDifferences(record.json, answer.json, { exactAll: options.exactJson === true }));
  if (record.text !== undefined && answer.body.toString('utf8') !== record.text) out.push(`text ${JSON.stringify(answer.body.toString('utf8'))}`);
  return out;
}
