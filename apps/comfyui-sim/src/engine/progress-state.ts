type NodeState = 'running' | 'finished';

/**
 * The cumulative `progress_state` map of one prompt (COMFYUI.md §3): nodes started or finished so
 * far, cached output nodes as finished, never pending or cached upstream nodes. Each change
 * publishes the whole map.
 */
export class ProgressState {
  private readonly nodes = new Map<string, { value: number; max: number; state: NodeState }>();

  constructor(
    private readonly promptId: string,
    private readonly publish: (data: Record<string, unknown>) => void,
  ) {}

  start(nodeId: string): void {
    this.set(nodeId, 0, 1, 'running');
  }

  update(nodeId: string, value: number, max: number): void {
    this.set(nodeId, value, max, 'running');
  }

  finish(nodeId: string): void {
    const max = this.nodes.get(nodeId)?.max ?? 1;
    this.set(nodeId, max, max, 'finished');
  }

  private set(nodeId: string, value: number, max: number, state: NodeState): void {
    this.nodes.set(nodeId, { value, max, state });
    const nodes: Record<string, unknown> = {};
    for (const [id, entry] of this.nodes) {
      nodes[id] = { ...entry, node_id: id, prompt_id: this.promptId, display_node_id: id, parent_node_id: null, real_node_id: id };
    }
    this.publish({ prompt_id: this.promptId, nodes });
  }
}
