import type { FormField, FormSchema, WorkflowType } from '../form/field-types';

/**
 * W-3: an image field makes it `image-to-*`, a video output `*-to-video`.
 * @example inferWorkflowType([{ type: 'image' }], [{ kind: 'video' }]) === 'image-to-video'
 */
export function inferWorkflowType(fields: readonly Pick<FormField, 'type'>[], outputs: readonly Pick<FormSchema['outputs'][number], 'kind'>[]): WorkflowType {
  const from = fields.some((field) => field.type === 'image') ? 'image' : 'text';
  const to = outputs.some((output) => output.kind === 'video') ? 'video' : 'image';
  return `${from}-to-${to}`;
}
