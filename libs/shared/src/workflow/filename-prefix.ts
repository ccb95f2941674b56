import type { InputValue } from './api-graph';

const MAX_STEM = 40;

/**
 * W-20 step 5: `cg/<jobId>/<stem>`, the stem being the original prefix's last segment reduced to
 * `[A-Za-z0-9_-]`, at most 40 characters, `out` when nothing is left; so every job, and every retry,
 * writes new files in its own folder (COMFYUI.md §4).
 * @example jobFilenamePrefix('0b6c…', 'CozyGen/video/cozy_') === 'cg/0b6c…/cozy_'
 */
export function jobFilenamePrefix(jobId: string, original: InputValue | undefined): string {
  const last = typeof original === 'string' ? (original.split(/[\\/]/).pop() ?? '') : '';
  const stem = last.replace(/[^A-Za-z0-9_-]/g, '').slice(0, MAX_STEM);
  return `cg/${jobId}/${stem || 'out'}`;
}
