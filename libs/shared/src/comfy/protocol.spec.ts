import { readFixtureJson } from '@test/fixtures';
import type { z } from 'zod';
import {
  decodeBinaryFrame,
  featuresSchema,
  historySchema,
  parseServerMessage,
  promptAcceptedSchema,
  promptInfoSchema,
  promptRejectedSchema,
  queueSchema,
  systemStatsSchema,
  uploadAnswerSchema,
} from './protocol';

const TRANSCRIPTS = [
  '00-misc-endpoints-before.json',
  '01-basic-emptyimage-invert-save.json',
  '01b-feature-flags-and-client-prompt-id.json',
  '02-identical-resubmit-cached.json',
  '04-upload-and-loadimage.json',
  '05-invalid-prompts.json',
  '06-runtime-execution-error.json',
  '07-misc-endpoints-after.json',
  '08-binary-preview-frames.json',
  '09-interrupt-and-queue-delete.json',
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a transcript, depth first, with the file it came from. */
function* walk(value: unknown, file: string): Generator<[string, Json]> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item, file);
  if (!isObject(value)) return;
  yield [file, value];
  for (const child of Object.values(value)) yield* walk(child, file);
}

const records = TRANSCRIPTS.flatMap((file) => [...walk(readFixtureJson(`comfyui-real/${file}`), file)]);

const wsFrames = records.filter(([, record]) => record.kind === 'text' && 'direction' in record);
const serverFrames = wsFrames.filter(([, frame]) => frame.direction === 'server->client');
const binaryFrames = records.filter(([, record]) => record.kind === 'binary').map(([, frame]) => frame);

/** The HTTP answers with a JSON body, routed to the schema the client parses them with. */
const ROUTES: [string, RegExp, number, z.ZodType][] = [
  ['POST', /^\/prompt$/, 200, promptAcceptedSchema],
  ['POST', /^\/prompt$/, 400, promptRejectedSchema],
  ['GET', /^\/prompt$/, 200, promptInfoSchema],
  ['GET', /^\/queue$/, 200, queueSchema],
  ['GET', /^\/history(\/|\?)/, 200, historySchema],
  ['GET', /^\/system_stats$/, 200, systemStatsSchema],
  ['GET', /^\/features$/, 200, featuresSchema],
  ['POST', /^\/upload\/image$/, 200, uploadAnswerSchema],
];

const httpAnswers = records.flatMap(([file, record]) => {
  const { method, path, status, json } = record;
  if (typeof method !== 'string' || typeof path !== 'string' || json === undefined) return [];
  const route = ROUTES.find(([m, pattern, s]) => m === method && pattern.test(path) && s === status);
  return route ? [{ name: `${file} ${method} ${path} ${String(status)}`, schema: route[3], json }] : [];
});

describe('WebSocket text messages of every transcript (COMFYUI.md §3)', () => {
  it('covers every message type of §3', () => {
    const types = new Set(serverFrames.map(([, frame]) => (isObject(frame.json) ? frame.json.type : undefined)));
    expect([...types].sort()).toEqual([
      'executed',
      'executing',
      'execution_cached',
      'execution_error',
      'execution_interrupted',
      'execution_start',
      'execution_success',
      'feature_flags',
      'progress',
      'progress_state',
      'status',
    ]);
  });

  it.each(serverFrames.map(([file, frame], index) => [`${file} #${index}`, frame.json]))('%s parses as its own type', (_, json) => {
    const parsed = parseServerMessage(json);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.message.type).toBe(isObject(json) ? json.type : undefined);
  });

  it('reads the fields the worker decides on', () => {
    const messages = serverFrames.flatMap(([, frame]) => {
      const parsed = parseServerMessage(frame.json);
      return parsed.ok ? [parsed.message] : [];
    });
    const error = messages.find((message) => message.type === 'execution_error');
    expect(error?.type === 'execution_error' && [error.data.node_id, error.data.node_type, error.data.exception_type]).toEqual([
      '30',
      'LoadImage',
      'PIL.UnidentifiedImageError',
    ]);
    const last = messages.filter((message) => message.type === 'executing').at(-1);
    expect(last?.type === 'executing' && last.data.node).toBeNull();
    const connect = messages.find((message) => message.type === 'status' && message.data.sid !== undefined);
    expect(connect?.type === 'status' && connect.data.status.exec_info.queue_remaining).toBe(0);
  });

  it.each([
    ['a custom node broadcast', 'cozygen_batch_ready', { count: 2 }],
    ['crystools monitor', 'crystools.monitor', { cpu_utilization: 3 }],
    ['no data at all', 'something_new', undefined],
  ])('passes %s through as unknown', (_, originalType, data) => {
    expect(parseServerMessage({ type: originalType, data })).toEqual({ ok: true, message: { type: 'unknown', originalType, data } });
  });

  it.each([
    ['a known type with broken data', { type: 'progress', data: { value: 'x' } }, /^progress: data.value/],
    ['no type', { data: {} }, /type/],
    ['not an object', 'status', /type/],
  ])('reports %s as a problem', (_, json, problem) => {
    const parsed = parseServerMessage(json);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(problem);
  });

  it('sees the client frame that asks for type-4 previews', () => {
    const sent = wsFrames.filter(([, frame]) => frame.direction === 'client->server').map(([, frame]) => frame.json);
    expect(sent).toContainEqual({ type: 'feature_flags', data: { supports_preview_metadata: true } });
  });
});

describe('HTTP bodies of every transcript (COMFYUI.md §2)', () => {
  it('finds answers for every route the client reads', () => {
    const routes = new Set(httpAnswers.map(({ schema }) => schema));
    expect(routes.size).toBe(ROUTES.length);
  });

  it.each(httpAnswers.map(({ name, schema, json }) => [name, schema, json] as const))('%s parses', (_, schema, json) => {
    const parsed = schema.safeParse(json);
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('maps a 400 to node ids and input names (J-10)', () => {
    const rejected = promptRejectedSchema.parse(
      (readFixtureJson('comfyui-real/05-invalid-prompts.json') as { value_out_of_range: { response: { json: unknown } } }).value_out_of_range.response
        .json,
    );
    const fields = Object.entries(rejected.node_errors).flatMap(([nodeId, node]) =>
      node.errors.map((error) => [nodeId, node.class_type, error.extra_info.input_name, error.type]),
    );
    expect(fields).toEqual([
      ['1', 'EmptyImage', 'width', 'value_smaller_than_min'],
      ['1', 'EmptyImage', 'height', 'value_bigger_than_max'],
    ]);
  });

  it.each([
    ['06-runtime-execution-error.json', 'history', 'error', 'execution_error'],
    ['09-interrupt-and-queue-delete.json', 'history_interrupted', 'error', 'execution_interrupted'],
    ['01-basic-emptyimage-invert-save.json', 'history', 'success', 'execution_success'],
  ])('%s: history status %s ends with %s', (file, key, statusStr, lastMessage) => {
    const record = (readFixtureJson(`comfyui-real/${file}`) as Record<string, { json: unknown }>)[key];
    const [entry] = Object.values(historySchema.parse(record?.json));
    expect(entry?.status.status_str).toBe(statusStr);
    expect(entry?.status.messages.at(-1)?.type).toBe(lastMessage);
  });

  it('types the execution_error kept in history', () => {
    const record = readFixtureJson('comfyui-real/06-runtime-execution-error.json') as { history: { json: unknown } };
    const [entry] = Object.values(historySchema.parse(record.history.json));
    const last = entry?.status.messages.at(-1);
    const message = last?.type === 'execution_error' ? last.data.exception_message : undefined;
    expect(message).toMatch(/^cannot identify image file/);
  });
});

/** Python's `json.dumps` spacing, which sets the metadata length the server writes. */
function pythonJson(object: Json): string {
  return `{${Object.entries(object)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')}}`;
}

function hexBytes(hex: string): number[] {
  return (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
}

function uint32(value: number): number[] {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function utf8(text: string): number[] {
  return Array.from(encodeURIComponent(text).matchAll(/%([0-9A-F]{2})|./gs), ([char, hex]) => (hex ? parseInt(hex, 16) : char.charCodeAt(0)));
}

/** Rebuilds a captured frame from its record: header, metadata and the image's first bytes. */
function rebuild(frame: Json): Uint8Array {
  const magic = hexBytes(String(frame.image_magic_hex));
  if (frame.event_type === 1) return Uint8Array.from([...uint32(1), ...uint32(Number(frame.image_format_code)), ...magic]);
  const metadata = utf8(pythonJson(frame.metadata as Json));
  return Uint8Array.from([...uint32(4), ...uint32(metadata.length), ...metadata, ...magic]);
}

const NO_PROMPT_ID = utf8('{"node_id": "1", "image_type": "image/jpeg"}');

describe('binary preview frames (COMFYUI.md §3, obs 08–09)', () => {
  it('has both layouts in the transcripts', () => {
    expect(new Set(binaryFrames.map((frame) => frame.event_type))).toEqual(new Set([1, 4]));
  });

  it.each(binaryFrames.map((frame, index) => [index, frame.event_type, frame] as const))('frame %i (type %i) decodes', (_, type, frame) => {
    const bytes = rebuild(frame);
    const head = hexBytes(String(frame.head_hex));
    expect([...bytes.subarray(0, head.length)]).toEqual(head.slice(0, bytes.length));
    const decoded = decodeBinaryFrame(bytes);
    expect(decoded.kind).toBe(type === 1 ? 'preview' : 'preview-with-metadata');
    if (decoded.kind !== 'preview' && decoded.kind !== 'preview-with-metadata') return;
    expect(decoded.mimeType).toBe('image/jpeg');
    expect([...decoded.image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    if (decoded.kind === 'preview-with-metadata') {
      expect(decoded.metadata).toEqual(frame.metadata);
      expect(bytes.length - decoded.image.length - 8).toBe(frame.metadata_length);
    }
  });

  it('decodes a frame that sits inside a larger buffer (a ws Buffer slice)', () => {
    const pool = Uint8Array.from([9, 9, 9, ...uint32(1), ...uint32(2), 0x89, 0x50]);
    expect(decodeBinaryFrame(pool.subarray(3))).toEqual({ kind: 'preview', mimeType: 'image/png', image: Uint8Array.of(0x89, 0x50) });
  });

  it('decodes non-ASCII metadata as UTF-8', () => {
    const json = utf8(pythonJson({ node_id: '7', prompt_id: 'jöb-✓', image_type: 'image/png' }));
    const decoded = decodeBinaryFrame(Uint8Array.from([...uint32(4), ...uint32(json.length), ...json, 1]));
    expect(decoded.kind === 'preview-with-metadata' && decoded.metadata.prompt_id).toBe('jöb-✓');
  });

  it.each([
    ['a short frame', [0, 0, 0, 1], 'invalid'],
    ['an unknown image format', [...uint32(1), ...uint32(9), 1], 'invalid'],
    ['metadata longer than the frame', [...uint32(4), ...uint32(500), 0x7b], 'invalid'],
    ['metadata that is not JSON', [...uint32(4), ...uint32(2), 0x7b, 0x7b], 'invalid'],
    ['metadata that is not UTF-8', [...uint32(4), ...uint32(2), 0xc3, 0x28], 'invalid'],
    ['metadata without prompt_id', [...uint32(4), ...uint32(NO_PROMPT_ID.length), ...NO_PROMPT_ID], 'invalid'],
    ['progress text (type 3)', [...uint32(3), ...uint32(1), 0x31], 'other'],
  ])('reports %s without throwing', (_, bytes, kind) => {
    expect(decodeBinaryFrame(Uint8Array.from(bytes)).kind).toBe(kind);
  });
});
