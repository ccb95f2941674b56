import type { BinaryFrame, NodeOutput, ServerMessage } from '@app/shared/comfy/protocol';

/** What one prompt's frames say, in order (COMFYUI.md §3 "Order for one prompt"). */
export type PromptFrameEvent =
  /** `execution_start`: the job is `running` (J-5). */
  | { type: 'started' }
  /** Nodes served from cache: they get no `executing`; count them for overall progress (J-6). */
  | { type: 'cached'; nodeIds: string[] }
  | { type: 'executing'; nodeId: string }
  /** `progress_state`: the nodes started and finished so far (cumulative). */
  | { type: 'nodes'; running: string[]; finished: string[] }
  | { type: 'progress'; value: number; max: number; nodeId: string | null }
  /** `nodeId` is known for type-4 frames only. */
  | { type: 'preview'; mimeType: string; image: Uint8Array; nodeId?: string }
  /** UI output of one node; a cache hit re-sends old files, so this never means "done". */
  | { type: 'executed'; nodeId: string; output: NodeOutput }
  /** `execution_success` / `_error` / `_interrupted`: the end is near, but history may still be empty. */
  | { type: 'ending'; how: 'success' | 'error' | 'interrupted' }
  /** `executing null`: the prompt's last frame, sent after its history entry was written. */
  | { type: 'finished' };

export interface RoutedEvent {
  promptId: string;
  event: PromptFrameEvent;
}

/**
 * Turns the frames of one socket into per-prompt events. Stateful only for type-1 previews, which
 * name no prompt: they belong to the `progress` frame just before them.
 */
export class PromptDemux {
  private lastProgress: { promptId: string; nodeId: string | null } | undefined;

  /** The event a text message means for its prompt, or undefined (broadcasts, flags, unknown types). */
  route(message: ServerMessage): RoutedEvent | undefined {
    switch (message.type) {
      case 'execution_start':
        return { promptId: message.data.prompt_id, event: { type: 'started' } };
      case 'execution_cached':
        return { promptId: message.data.prompt_id, event: { type: 'cached', nodeIds: message.data.nodes } };
      case 'executing':
        return this.routeExecuting(message.data.prompt_id, message.data.node);
      case 'progress_state': {
        const nodes = Object.values(message.data.nodes);
        const ids = (state: string) => nodes.filter((node) => node.state === state).map((node) => node.node_id);
        return { promptId: message.data.prompt_id, event: { type: 'nodes', running: ids('running'), finished: ids('finished') } };
      }
      case 'progress': {
        const { prompt_id: promptId, node: nodeId, value, max } = message.data;
        this.lastProgress = { promptId, nodeId };
        return { promptId, event: { type: 'progress', value, max, nodeId } };
      }
      case 'executed':
        return { promptId: message.data.prompt_id, event: { type: 'executed', nodeId: message.data.node, output: message.data.output } };
      case 'execution_success':
        return this.ending(message.data.prompt_id, 'success');
      case 'execution_error':
        return this.ending(message.data.prompt_id, 'error');
      case 'execution_interrupted':
        return this.ending(message.data.prompt_id, 'interrupted');
      default:
        return undefined;
    }
  }

  /** The preview a binary frame carries, for its prompt; undefined for other frames or an unowned type 1. */
  routeBinary(frame: BinaryFrame): RoutedEvent | undefined {
    if (frame.kind === 'preview-with-metadata') {
      const { prompt_id: promptId, node_id: nodeId } = frame.metadata;
      return { promptId, event: { type: 'preview', mimeType: frame.mimeType, image: frame.image, nodeId } };
    }
    if (frame.kind !== 'preview' || !this.lastProgress) return undefined;
    const { promptId, nodeId } = this.lastProgress;
    return { promptId, event: { type: 'preview', mimeType: frame.mimeType, image: frame.image, ...(nodeId === null ? {} : { nodeId }) } };
  }

  /** The frame sent on connect while a prompt of ours runs has no `prompt_id`: it routes nowhere. */
  private routeExecuting(promptId: string | undefined, nodeId: string | null): RoutedEvent | undefined {
    if (promptId === undefined) return undefined;
    if (nodeId !== null) return { promptId, event: { type: 'executing', nodeId } };
    this.forget(promptId);
    return { promptId, event: { type: 'finished' } };
  }

  private ending(promptId: string, how: 'success' | 'error' | 'interrupted'): RoutedEvent {
    this.forget(promptId);
    return { promptId, event: { type: 'ending', how } };
  }

  private forget(promptId: string): void {
    if (this.lastProgress?.promptId === promptId) this.lastProgress = undefined;
  }
}
