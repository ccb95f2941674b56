import type { PromptFrameEvent } from '@app/server/comfy/prompt-demux';
import { rateGate } from '@app/server/system/rate-gate';
import { describeNode, type GraphForHumans, type NodeDescription } from './describe-node';


export interface ProgressSink {
  started(): void;
  progress(update: { value: number; max: number; node: NodeDescription | null; overall: number }): void;
  preview(dataUrl: string): void;
}

/** N-2 / J-6: previews at most 4 per second per job, progress at most 10. */
const PREVIEW_INTERVAL_MS = 250;
const PROGRESS_INTERVAL_MS = 100;

/**
 * Turns one prompt's frames into job events: started, progress with the node's title and the
 * overall share (cached + finished nodes + the current node's fraction, over all nodes, J-6),
 * and throttled previews.
 */
export class ProgressReporter {
  private readonly finished = new Set<string>();
  private readonly cached = new Set<string>();
  private current: { nodeId: string; value: number; max: number } | undefined;
  private readonly mayReport: (force?: boolean) => boolean;
  private readonly mayPreview: () => boolean;
  private isStarted = false;

  constructor(
    private readonly graph: GraphForHumans,
    private readonly sink: ProgressSink,
    now: () => number,
  ) {
    this.mayReport = rateGate(PROGRESS_INTERVAL_MS, now);
    this.mayPreview = rateGate(PREVIEW_INTERVAL_MS, now);
  }

  readonly onFrame = (event: PromptFrameEvent): void => {
    switch (event.type) {
      case 'started':
        if (!this.isStarted) {
          this.isStarted = true;
          this.sink.started();
        }
        return;
      case 'cached':
        for (const id of event.nodeIds) this.cached.add(id);
        return this.report(true);
      case 'nodes':
        for (const id of event.finished) this.finished.add(id);
        return this.report(false);
      case 'executing':
        this.current = { nodeId: event.nodeId, value: 0, max: 1 };
        return this.report(true);
      case 'progress':
        if (event.nodeId) this.current = { nodeId: event.nodeId, value: event.value, max: event.max };
        return this.report(event.value >= event.max);
      case 'preview':
        return this.preview(event.mimeType, event.image);
      default:
        return;
    }
  };

  private report(force: boolean): void {
    if (!this.mayReport(force)) return;
    const total = Math.max(1, Object.keys(this.graph).length);
    const done = new Set([...this.cached, ...this.finished]);
    const current = this.current && !done.has(this.current.nodeId) ? this.current : undefined;
    const fraction = current && current.max > 0 ? Math.min(1, current.value / current.max) : 0;
    const overall = Math.min(1, (done.size + fraction) / total);
    const nodeId = current?.nodeId ?? this.current?.nodeId;
    const node = nodeId ? describeNode(this.graph, nodeId) : null;
    this.sink.progress({ value: current?.value ?? 0, max: current?.max ?? 1, node, overall });
  }

  private preview(mimeType: string, image: Uint8Array): void {
    if (!this.mayPreview()) return;
    this.sink.preview(`data:${mimeType};base64,${Buffer.from(image).toString('base64')}`);
  }
}
