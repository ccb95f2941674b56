import type { FormSchema } from '@app/shared/form/field-types';
import { promptRejectedSchema } from '@app/shared/comfy/protocol';
import { ComfyValidationError } from '@app/server/comfy/comfy-errors';
import { validationJobError } from './job-errors';

/** A 400 from ComfyUI 0.8.0 for an upscale method it does not have (captured on the real server). */
const notInList = promptRejectedSchema.parse({
  error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} },
  node_errors: {
    '2': {
      errors: [
        {
          type: 'value_not_in_list',
          message: 'Value not in list',
          details: "upscale_method: 'bogus' not in ['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos']",
          extra_info: { input_name: 'upscale_method', input_config: [['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos'], {}], received_value: 'bogus' },
        },
        { type: 'value_smaller_than_min', message: 'Value 0 smaller than min of 1', details: 'width', extra_info: { input_name: 'width' } },
      ],
      dependent_outputs: ['3'],
      class_type: 'ImageScale',
    },
  },
});

const schema: FormSchema = {
  fields: [
    { name: 'Method', label: 'Method', type: 'choice', default: 'area', choices: ['area'], targets: [{ nodeId: '2', input: 'upscale_method' }], markerNodeIds: ['9'] },
    { name: 'Width', label: 'Width', type: 'int', default: 32, targets: [{ nodeId: '2', input: 'width' }], markerNodeIds: ['8'] },
  ],
  outputs: [{ nodeId: '3', classType: 'SaveImage', kind: 'image' }],
  type: 'text-to-image',
  source: 'cozygen',
};

describe('J-10 ComfyUI validation errors mapped to fields', () => {
  it('keep ComfyUI’s details (the allowed values) after its message, unless they only name the input', () => {
    const error = new ComfyValidationError('http://backend', notInList.error, notInList.node_errors);
    expect(validationJobError(error, schema, {}).fields).toEqual([
      { field: 'values.Method', message: "Value not in list: upscale_method: 'bogus' not in ['nearest-exact', 'bilinear', 'area', 'bicubic', 'lanczos']" },
      { field: 'values.Width', message: 'Value 0 smaller than min of 1' },
    ]);
  });

  it('bound long details and drop server paths from them', () => {
    const long = structuredClone(notInList);
    long.node_errors['2']!.errors = [{ ...long.node_errors['2']!.errors[0]!, details: `upscale_method: '/srv/comfy/input/x.png' not in [${"'mode', ".repeat(100)}]` }];
    const [field] = validationJobError(new ComfyValidationError('http://backend', long.error, long.node_errors), schema, {}).fields ?? [];
    expect(field?.message.length).toBeLessThanOrEqual(320);
    expect(field?.message).not.toContain('/srv/comfy');
    expect(field?.message.endsWith('…')).toBe(true);
  });
});
