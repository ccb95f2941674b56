import { z } from 'zod';
import { firstPerField, type FieldError } from '../contracts/errors';
import { fieldActivity } from './field-activity';
import type { DemandSource, FormSchema, FormValues, RunDemand } from './field-types';

/**
 * What an admin lets one run ask a backend to make. The bounds are ComfyUI's own: 16384 px a side
 * (MAX_RESOLUTION), 4096 images a batch; the lower ends keep a cap from shutting every workflow out.
 */
export const RUN_LIMIT_BOUNDS = {
  maxPixels: { min: 64 * 64, max: 16384 * 16384 },
  maxBatchSize: { min: 1, max: 4096 },
  maxFrames: { min: 1, max: 16384 },
} as const;

const bounded = (key: keyof typeof RUN_LIMIT_BOUNDS) => z.number().int().min(RUN_LIMIT_BOUNDS[key].min).max(RUN_LIMIT_BOUNDS[key].max);

export const runLimitsSchema = z.object({
  /** Pixels of one image or video frame (width × height). */
  maxPixels: bounded('maxPixels'),
  /** Images (or videos) one run makes: batch sizes and batch repeats. */
  maxBatchSize: bounded('maxBatchSize'),
  /** Frames of one video. */
  maxFrames: bounded('maxFrames'),
});
export type RunLimits = z.infer<typeof runLimitsSchema>;

/**
 * 4096 × 4096 (16.8 MP) is four times a 2048² high-res pass and covers a 4× upscale of a 1 MP
 * image, while 8192² already needs over 800 MB for one float RGB image before any model runs.
 * 16 images per run is two rows of the gallery; ComfyUI's own default is 1. 241 frames is ten
 * seconds at 24 fps (LTX-Video's longest preset), three times Wan's default 81.
 */
export const DEFAULT_RUN_LIMITS: RunLimits = { maxPixels: 4096 * 4096, maxBatchSize: 16, maxFrames: 241 };

/** `16.8 megapixels`, or plain pixels below a tenth of one. */
function formatPixels(pixels: number): string {
  return pixels >= 100_000 ? `${(pixels / 1_000_000).toFixed(1)} megapixels` : `${pixels} pixels`;
}

interface Reading {
  value: number;
  source: DemandSource;
}

/**
 * The values of one run against the admin's caps (the browser before submitting, the api at submit
 * and retry): every size, batch and length the compiled graph would ask for, from the form field
 * that writes it or the graph's own literal. Errors name the field (`values.Width`); a number the
 * workflow itself fixes is put on `workflowId`, since no field of the form can change it.
 * @example checkRunLimits(solidColour, { width: 8192, height: 8192, batch_size: 1 }, DEFAULT_RUN_LIMITS)
 *   → [{ field: 'values.width', message: '8192 × 8192 is 67.1 megapixels per image; the limit is 16.8 megapixels (4096 × 4096)' }, { field: 'values.height', … }]
 */
export function checkRunLimits(schema: FormSchema, values: FormValues, limits: RunLimits, options: { bypass?: readonly string[] } = {}): FieldError[] {
  const activity = fieldActivity(schema, options.bypass ?? []);
  const unused = new Set([...activity.bypassed, ...activity.inactive]);
  const read = (source: DemandSource | undefined): Reading | undefined => {
    if (!source) return undefined;
    const value = source.field === undefined ? source.value : unused.has(source.field) ? undefined : values[source.field];
    return typeof value === 'number' && Number.isFinite(value) ? { value, source } : undefined;
  };
  const errors: FieldError[] = [];
  const report = (demand: RunDemand, readings: readonly Reading[], message: string) => {
    const fields = readings.flatMap(({ source }) => (source.field === undefined ? [] : [`values.${source.field}`]));
    if (fields.length === 0) errors.push({ field: 'workflowId', message: `${demand.label}: ${message}` });
    for (const field of fields) errors.push({ field, message });
  };
  for (const demand of schema.demands ?? []) {
    if (activity.removedNodes.includes(demand.nodeId)) continue;
    const [width, height, batch, frames] = [read(demand.width), read(demand.height), read(demand.batch), read(demand.frames)];
    if (width && height && width.value > 0 && height.value > 0 && width.value * height.value > limits.maxPixels) {
      const side = Math.floor(Math.sqrt(limits.maxPixels));
      report(demand, [width, height], `${width.value} × ${height.value} is ${formatPixels(width.value * height.value)} per image; the limit is ${formatPixels(limits.maxPixels)} (${side} × ${side})`);
    }
    if (batch && batch.value > limits.maxBatchSize) report(demand, [batch], `${batch.value} images per run; the limit is ${limits.maxBatchSize}`);
    if (frames && frames.value > limits.maxFrames) report(demand, [frames], `${frames.value} frames per run; the limit is ${limits.maxFrames}`);
  }
  return firstPerField(errors);
}

/**
 * The form with each field that sets a batch size or a frame count no higher than its cap, so a
 * slider or −/+ stops there. Sizes are left alone: their cap is on the product of two fields.
 */
export function capFieldMaxima(schema: FormSchema, limits: RunLimits): FormSchema {
  const caps = new Map<string, number>();
  const lower = (source: DemandSource | undefined, cap: number) => {
    if (source?.field !== undefined) caps.set(source.field, Math.min(cap, caps.get(source.field) ?? cap));
  };
  for (const demand of schema.demands ?? []) {
    lower(demand.batch, limits.maxBatchSize);
    lower(demand.frames, limits.maxFrames);
  }
  if (caps.size === 0) return schema;
  return {
    ...schema,
    fields: schema.fields.map((field) => {
      const cap = caps.get(field.name);
      if (cap === undefined || (field.type !== 'int' && field.type !== 'float') || (field.max !== undefined && field.max <= cap) || (field.min ?? cap) > cap) return field;
      return { ...field, max: cap, ...(typeof field.default === 'number' && field.default > cap ? { default: cap } : {}) };
    }),
  };
}
