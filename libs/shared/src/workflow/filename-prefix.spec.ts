import type { InputValue } from './api-graph';
import { jobFilenamePrefix } from './filename-prefix';

describe('W-20 step 5 filename_prefix', () => {
  it.each<[InputValue | undefined, string]>([
    ['CozyGen/output', 'cg/job-1/output'],
    ['CozyGen/video/cozy_', 'cg/job-1/cozy_'],
    ['fixtures\\plain-invert', 'cg/job-1/plain-invert'],
    ['T2I', 'cg/job-1/T2I'],
    ['%date:yyyy-MM-dd%/ComfyUI', 'cg/job-1/ComfyUI'],
    ['my render %width%', 'cg/job-1/myrenderwidth'],
    ['folder/', 'cg/job-1/out'],
    ['../../etc', 'cg/job-1/etc'],
    ['', 'cg/job-1/out'],
    ['ünïcødé', 'cg/job-1/ncd'],
    ['x'.repeat(50), `cg/job-1/${'x'.repeat(40)}`],
    [['5', 0], 'cg/job-1/out'],
    [undefined, 'cg/job-1/out'],
  ])('%j → %s', (original, prefix) => {
    expect(jobFilenamePrefix('job-1', original)).toBe(prefix);
  });
});
