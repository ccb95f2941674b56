import { readFixtureJson } from '@test/fixtures';
import { z } from 'zod';

/** The record formats of fixtures/comfyui-real/README.md, parsed at the test boundary. */
export const httpRecordSchema = z.looseObject({
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  json: z.unknown().optional(),
  text: z.string().optional(),
  body_length: z.number().optional(),
  decoded: z
    .looseObject({
      format: z.string(),
      mode: z.string(),
      size: z.tuple([z.number(), z.number()]),
      pixel_0_0: z.array(z.number()),
      png_text_chunk_keys: z.array(z.string()),
      png_text_prompt_json: z.record(z.string(), z.unknown()),
    })
    .optional(),
});
export type HttpRecord = z.infer<typeof httpRecordSchema>;

const textFrameSchema = z.looseObject({
  direction: z.enum(['server->client', 'client->server']),
  kind: z.literal('text'),
  json: z.looseObject({ type: z.string(), data: z.record(z.string(), z.unknown()) }),
});
const binaryFrameSchema = z.looseObject({
  direction: z.enum(['server->client', 'client->server']),
  kind: z.literal('binary'),
  event_type: z.number(),
  image_format_code: z.number().optional(),
  image_magic_hex: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export const wsFrameSchema = z.discriminatedUnion('kind', [textFrameSchema, binaryFrameSchema]);
export type WsFrameRecord = z.infer<typeof wsFrameSchema>;

export const runRecordSchema = z.looseObject({
  client_id: z.string(),
  request: z.looseObject({ json: z.record(z.string(), z.unknown()) }),
  response: httpRecordSchema,
  history: httpRecordSchema,
  ws_messages: z.array(wsFrameSchema),
  observer_ws_messages: z.array(wsFrameSchema).optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** Reads one transcript file as a record of named entries. */
export function readTranscript(file: string): Record<string, unknown> {
  return z.record(z.string(), z.unknown()).parse(readFixtureJson(`comfyui-real/${file}`));
}

export function httpRecord(value: unknown): HttpRecord {
  return httpRecordSchema.parse(value);
}

export function runRecord(value: unknown): RunRecord {
  return runRecordSchema.parse(value);
}
