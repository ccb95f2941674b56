import { objectInfoEntry } from './node-def';

export const CAPTURE_PROGRESS_PREVIEW = 'CaptureProgressPreview';

/**
 * The test-only node the transcripts 08 and 09 were recorded with (fixtures/comfyui-real/README.md):
 * passes its image through, reporting `steps` progress steps with a JPEG preview, `delay_ms` apart.
 */
export function testNodeDefinitions(): Record<string, Record<string, unknown>> {
  return {
    [CAPTURE_PROGRESS_PREVIEW]: objectInfoEntry({
      name: CAPTURE_PROGRESS_PREVIEW,
      displayName: 'Capture Progress Preview',
      category: 'testing',
      pythonModule: 'custom_nodes.capture_progress_preview',
      required: {
        image: ['IMAGE'],
        steps: ['INT', { default: 3, min: 1, max: 50 }],
        delay_ms: ['INT', { default: 50, min: 0, max: 5000 }],
      },
      outputs: [['IMAGE', 'IMAGE']],
    }),
  };
}
