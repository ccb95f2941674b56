import type { NodeInfo } from '@app/shared/comfy/object-info';
import { CAPTURE_PROGRESS_PREVIEW } from '../catalogue/test-node-defs';
import { captureProgressPreview } from './capture-progress-node';
import type { NodeRunner } from './node-context';
import { runGeneric } from './generic-node';
import { IMAGE_RUNNERS } from './image-nodes';
import { LOAD_IMAGE_RUNNERS } from './load-image-node';
import { LOGIC_RUNNERS } from './logic-nodes';
import { isSampler, withSampling } from './sampling';
import { SAVE_IMAGE_RUNNERS } from './save-image-nodes';
import { VIDEO_RUNNERS } from './video-nodes';

const RUNNERS: Readonly<Record<string, NodeRunner>> = {
  ...IMAGE_RUNNERS,
  ...LOAD_IMAGE_RUNNERS,
  ...SAVE_IMAGE_RUNNERS,
  ...VIDEO_RUNNERS,
  ...LOGIC_RUNNERS,
  [CAPTURE_PROGRESS_PREVIEW]: captureProgressPreview,
};

/** The implementation for a class: its own, or the generic one; samplers get simulated steps. */
export function runnerFor(classType: string, info: NodeInfo): NodeRunner {
  const runner = Object.hasOwn(RUNNERS, classType) ? RUNNERS[classType] : undefined;
  const base = runner ?? runGeneric;
  return isSampler(info) ? withSampling(base) : base;
}
