import { z } from 'zod';

/**
 * The ComfyUI server protocol as a real 0.8.0 server speaks it (COMFYUI.md §2–3): every HTTP body
 * and WebSocket message the worker reads. Objects are loose (newer servers add keys); only what we
 * read is declared. `/object_info` has its own parser in `./object-info`.
 */

/** A graph as it travels in /prompt, /queue and /history (loosely typed; the workflow code has the strict `ApiGraph`): node id → `{class_type, inputs}`; a link is `["<node id>", <output index>]`. */
export const promptNodeSchema = z.looseObject({
  class_type: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  _meta: z.looseObject({ title: z.string().optional() }).optional(),
});
export const promptGraphSchema = z.record(z.string(), promptNodeSchema);
export type PromptGraph = z.infer<typeof promptGraphSchema>;

// —— POST /prompt

/** One validation problem: the top-level `error` or an item of `node_errors[id].errors`. */
export const promptErrorSchema = z.looseObject({
  type: z.string(),
  message: z.string(),
  details: z.string(),
  /** `input_name` maps the problem to a form field (J-10); other keys vary by `type`. */
  extra_info: z.looseObject({ input_name: z.string().optional() }),
});
export type PromptError = z.infer<typeof promptErrorSchema>;

export const nodeErrorSchema = z.looseObject({
  errors: z.array(promptErrorSchema),
  dependent_outputs: z.array(z.string()),
  class_type: z.string(),
});
export const nodeErrorsSchema = z.record(z.string(), nodeErrorSchema);
export type NodeErrors = z.infer<typeof nodeErrorsSchema>;

/** 200: queued. A non-empty `node_errors` means only the valid outputs were queued. */
export const promptAcceptedSchema = z.looseObject({
  prompt_id: z.string(),
  number: z.number(),
  node_errors: nodeErrorsSchema,
});
export type PromptAccepted = z.infer<typeof promptAcceptedSchema>;

/** 400: nothing queued. */
export const promptRejectedSchema = z.looseObject({
  error: promptErrorSchema,
  node_errors: nodeErrorsSchema,
});
export type PromptRejected = z.infer<typeof promptRejectedSchema>;

// —— GET /queue, GET /prompt

/** `extra_data` as the server keeps it: our `client_id`, its `create_time`, `extra_pnginfo`, … */
export const promptExtraDataSchema = z.looseObject({ client_id: z.string().optional(), create_time: z.number().optional() });

/** `[number, prompt_id, graph, extra_data, output node ids]`, in `/queue` and history. */
export const queueItemSchema = z.tuple(
  [z.number(), z.string(), z.record(z.string(), z.unknown()), promptExtraDataSchema, z.array(z.string())],
  z.unknown(),
);
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queueSchema = z.looseObject({
  queue_running: z.array(queueItemSchema),
  queue_pending: z.array(queueItemSchema),
});
export type Queue = z.infer<typeof queueSchema>;

export const promptInfoSchema = z.looseObject({ exec_info: z.looseObject({ queue_remaining: z.number() }) });
export type PromptInfo = z.infer<typeof promptInfoSchema>;

// —— WebSocket text messages (also the `status.messages` of history entries)

const promptStampSchema = z.looseObject({ prompt_id: z.string(), timestamp: z.number() });

export const executionCachedDataSchema = promptStampSchema.extend({ nodes: z.array(z.string()) });

export const executionInterruptedDataSchema = promptStampSchema.extend({
  node_id: z.string(),
  node_type: z.string(),
  executed: z.array(z.string()),
});
export type ExecutionInterruptedData = z.infer<typeof executionInterruptedDataSchema>;

export const executionErrorDataSchema = executionInterruptedDataSchema.extend({
  /** Ends with `\n` and may hold server paths: trim before showing (J-10). */
  exception_message: z.string(),
  exception_type: z.string(),
  traceback: z.array(z.string()),
  current_inputs: z.record(z.string(), z.unknown()),
  current_outputs: z.unknown(),
});
export type ExecutionErrorData = z.infer<typeof executionErrorDataSchema>;

export const statusDataSchema = z.looseObject({
  status: z.looseObject({ exec_info: z.looseObject({ queue_remaining: z.number() }) }),
  /** Only in the first frame of a connection: echoes `clientId`. */
  sid: z.string().optional(),
});

/** `node: null` with our `prompt_id` is a prompt's last frame; the reconnect frame has no `prompt_id`. */
export const executingDataSchema = z.looseObject({
  node: z.string().nullable(),
  display_node: z.string().optional(),
  prompt_id: z.string().optional(),
});

export const progressDataSchema = z.looseObject({
  value: z.number(),
  max: z.number(),
  prompt_id: z.string(),
  node: z.string().nullable(),
});
export type ProgressData = z.infer<typeof progressDataSchema>;

export const nodeProgressSchema = z.looseObject({
  value: z.number(),
  max: z.number(),
  state: z.string(),
  node_id: z.string(),
  prompt_id: z.string(),
  display_node_id: z.string().nullish(),
  parent_node_id: z.string().nullish(),
  real_node_id: z.string().nullish(),
});

export const progressStateDataSchema = z.looseObject({
  prompt_id: z.string(),
  nodes: z.record(z.string(), nodeProgressSchema),
});

/** UI output of one node: key (`images`, `gifs`, `text`, …) → list. Walk it with the collector rule. */
export const nodeOutputSchema = z.record(z.string(), z.unknown());
export type NodeOutput = z.infer<typeof nodeOutputSchema>;

export const executedDataSchema = z.looseObject({
  node: z.string(),
  display_node: z.string().optional(),
  output: nodeOutputSchema,
  prompt_id: z.string(),
});

/** `/features`, and the `feature_flags` reply on the socket. */
export const featuresSchema = z.looseObject({
  supports_preview_metadata: z.boolean().optional(),
  max_upload_size: z.number().optional(),
  extension: z.record(z.string(), z.unknown()).optional(),
});
export type Features = z.infer<typeof featuresSchema>;

const knownServerMessageSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('status'), data: statusDataSchema }),
  z.looseObject({ type: z.literal('execution_start'), data: promptStampSchema }),
  z.looseObject({ type: z.literal('execution_cached'), data: executionCachedDataSchema }),
  z.looseObject({ type: z.literal('executing'), data: executingDataSchema }),
  z.looseObject({ type: z.literal('progress'), data: progressDataSchema }),
  z.looseObject({ type: z.literal('progress_state'), data: progressStateDataSchema }),
  z.looseObject({ type: z.literal('executed'), data: executedDataSchema }),
  z.looseObject({ type: z.literal('execution_success'), data: promptStampSchema }),
  z.looseObject({ type: z.literal('execution_error'), data: executionErrorDataSchema }),
  z.looseObject({ type: z.literal('execution_interrupted'), data: executionInterruptedDataSchema }),
  z.looseObject({ type: z.literal('feature_flags'), data: featuresSchema }),
]);
export type KnownServerMessage = z.infer<typeof knownServerMessageSchema>;
export type KnownServerMessageType = KnownServerMessage['type'];

/** A text message of a type we do not read (custom nodes broadcast their own); kept, never an error. */
export type UnknownServerMessage = { type: 'unknown'; originalType: string; data: unknown };

export type ServerMessage = KnownServerMessage | UnknownServerMessage;

export type ParsedServerMessage = { ok: true; message: ServerMessage } | { ok: false; problem: string };

const KNOWN_TYPES: ReadonlySet<string> = new Set(knownServerMessageSchema.options.map((option) => option.shape.type.value));

const envelopeSchema = z.looseObject({ type: z.string(), data: z.unknown().optional() });

/**
 * Parses one WebSocket text message (already `JSON.parse`d). Unknown types pass through as
 * `{type: 'unknown'}`; a known type whose data does not match is a problem, not a crash.
 * @example parseServerMessage({type: 'progress', data: {value: 1, max: 3, prompt_id: 'p', node: '2'}})
 */
export function parseServerMessage(json: unknown): ParsedServerMessage {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, problem: 'message has no string `type`' };
  const { type, data } = envelope.data;
  if (!KNOWN_TYPES.has(type)) return { ok: true, message: { type: 'unknown', originalType: type, data } };
  const parsed = knownServerMessageSchema.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, problem: `${type}: ${parsed.error.issues.map(formatIssue).join('; ')}` };
}

function formatIssue(issue: z.core.$ZodIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

// —— GET /history/{id}

/** `[name, data]` on the wire, the same messages as on the socket: parsed into `{type, data}`. */
export const historyMessageSchema = z.tuple([z.string(), z.unknown()]).transform(([type, data], context): ServerMessage => {
  const parsed = parseServerMessage({ type, data });
  if (parsed.ok) return parsed.message;
  context.issues.push({ code: 'custom', message: parsed.problem, input: [type, data] });
  return z.NEVER;
});

export const historyEntrySchema = z.looseObject({
  prompt: queueItemSchema,
  outputs: z.record(z.string(), nodeOutputSchema),
  status: z.looseObject({ status_str: z.string(), completed: z.boolean(), messages: z.array(historyMessageSchema) }),
  meta: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** `{}` while the id is unknown, pending, running, deleted or lost; `{<id>: entry}` once it ended. */
export const historySchema = z.record(z.string(), historyEntrySchema);
export type History = z.infer<typeof historySchema>;

// —— GET /system_stats, POST /upload/image, GET /models/{folder}

export const systemStatsSchema = z.looseObject({
  system: z.looseObject({
    os: z.string(),
    /** Absent before ComfyUI 0.3; gates targeted interrupt and client prompt ids. */
    comfyui_version: z.string().optional(),
    python_version: z.string().optional(),
    pytorch_version: z.string().optional(),
    ram_total: z.number().optional(),
    ram_free: z.number().optional(),
  }),
  /** `index` is null on CPU. */
  devices: z.array(z.looseObject({ name: z.string(), type: z.string(), index: z.number().nullish(), vram_total: z.number(), vram_free: z.number() })),
});
export type SystemStats = z.infer<typeof systemStatsSchema>;

export const uploadAnswerSchema = z.looseObject({ name: z.string(), subfolder: z.string(), type: z.string() });
export type UploadAnswer = z.infer<typeof uploadAnswerSchema>;

export const modelListSchema = z.array(z.string());

// —— Binary frames: a big-endian uint32 event type, then a type-specific layout (COMFYUI.md §3)

export const previewMetadataSchema = z.looseObject({
  node_id: z.string(),
  prompt_id: z.string(),
  display_node_id: z.string().nullish(),
  parent_node_id: z.string().nullish(),
  real_node_id: z.string().nullish(),
  image_type: z.string(),
});
export type PreviewMetadata = z.infer<typeof previewMetadataSchema>;

export type BinaryFrame =
  /** Type 1: no owner named; it belongs to the `progress` frame just before it. */
  | { kind: 'preview'; mimeType: string; image: Uint8Array }
  /** Type 4: names its prompt and node. */
  | { kind: 'preview-with-metadata'; mimeType: string; image: Uint8Array; metadata: PreviewMetadata }
  /** Another event type (3 = progress text, …): ignored by us. */
  | { kind: 'other'; eventType: number }
  | { kind: 'invalid'; problem: string };

const IMAGE_FORMATS: Readonly<Record<number, string>> = { 1: 'image/jpeg', 2: 'image/png' };

/**
 * Decodes one binary WebSocket frame without copying the image bytes.
 * @example decodeBinaryFrame(Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0xd8)) // {kind: 'preview', mimeType: 'image/jpeg', …}
 */
export function decodeBinaryFrame(frame: Uint8Array): BinaryFrame {
  if (frame.byteLength < 8) return { kind: 'invalid', problem: `frame of ${frame.byteLength} bytes` };
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const eventType = view.getUint32(0);
  if (eventType === 1) {
    const mimeType = IMAGE_FORMATS[view.getUint32(4)];
    if (!mimeType) return { kind: 'invalid', problem: `image format ${view.getUint32(4)}` };
    return { kind: 'preview', mimeType, image: frame.subarray(8) };
  }
  if (eventType !== 4) return { kind: 'other', eventType };
  const end = 8 + view.getUint32(4);
  if (end > frame.byteLength) return { kind: 'invalid', problem: 'metadata longer than the frame' };
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(frame.subarray(8, end)));
  } catch {
    return { kind: 'invalid', problem: 'metadata is not UTF-8 JSON' };
  }
  const metadata = previewMetadataSchema.safeParse(json);
  if (!metadata.success) return { kind: 'invalid', problem: `metadata: ${metadata.error.issues.map(formatIssue).join('; ')}` };
  return { kind: 'preview-with-metadata', mimeType: metadata.data.image_type, image: frame.subarray(end), metadata: metadata.data };
}

/** UTF-8 → string (libs/shared has no TextDecoder); throws URIError on malformed bytes. */
function decodeUtf8(bytes: Uint8Array): string {
  return decodeURIComponent(Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''));
}
