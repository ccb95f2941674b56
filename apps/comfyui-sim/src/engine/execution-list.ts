import { isLink, isRecord } from '../validation/prompt-graph';

/**
 * ComfyUI's `ExecutionList`: nodes needed by the outputs, minus cached ones, run in dependency
 * order with the real server's tie-breaking ("UX friendly": an output node first, then a node
 * feeding one, then a node two steps from one, else the earliest added), so frames come in the
 * same order as from a real server.
 */
export class ExecutionList {
  /** Pending nodes in the order they were added (a depth-first walk from each output). */
  private readonly pending = new Map<string, true>();
  private readonly blockCount = new Map<string, number>();
  private readonly blocking = new Map<string, Set<string>>();

  constructor(
    private readonly prompt: Record<string, Record<string, unknown>>,
    private readonly isCached: (id: string) => boolean,
    private readonly isOutput: (id: string) => boolean,
  ) {}

  addNode(root: string): void {
    const stack = [root];
    const links: [string, string][] = [];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || this.pending.has(id)) continue;
      this.pending.set(id, true);
      this.blockCount.set(id, 0);
      this.blocking.set(id, new Set());
      const inputs = isRecord(this.prompt[id]?.inputs) ? (this.prompt[id]?.inputs ?? {}) : {};
      for (const value of Object.values(inputs)) {
        if (!isLink(value)) continue;
        if (!this.isCached(value[0])) stack.push(value[0]);
        links.push([value[0], id]);
      }
    }
    for (const [from, to] of links) this.addStrongLink(from, to);
  }

  /** The next node to run, or undefined when everything ran. */
  next(): string | undefined {
    const available = [...this.pending.keys()].filter((id) => this.blockCount.get(id) === 0);
    if (available.length === 0) {
      if (this.pending.size > 0) throw new Error('Dependency cycle detected');
      return undefined;
    }
    const feeds = (id: string, depth: number): boolean =>
      [...(this.blocking.get(id) ?? [])].some((blocked) => (depth === 1 ? this.isOutput(blocked) : feeds(blocked, depth - 1)));
    return available.find((id) => this.isOutput(id)) ?? available.find((id) => feeds(id, 1)) ?? available.find((id) => feeds(id, 2)) ?? available[0];
  }

  complete(id: string): void {
    this.pending.delete(id);
    for (const blocked of this.blocking.get(id) ?? []) this.blockCount.set(blocked, (this.blockCount.get(blocked) ?? 1) - 1);
    this.blocking.delete(id);
  }

  private addStrongLink(from: string, to: string): void {
    if (this.isCached(from)) return;
    this.addNode(from);
    const blocked = this.blocking.get(from);
    if (!blocked || blocked.has(to)) return;
    blocked.add(to);
    this.blockCount.set(to, (this.blockCount.get(to) ?? 0) + 1);
  }
}
