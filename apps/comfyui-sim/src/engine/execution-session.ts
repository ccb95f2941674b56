/**
 * Server-wide execution state ComfyUI keeps on its `server` object: the client of the running
 * prompt (`server.client_id`), its current node (`last_node_id`, sent to a reconnecting socket) and
 * the interrupt flag, reset at the start of every prompt (so an idle interrupt stops nothing).
 */
export class ExecutionSession {
  clientId: string | null = null;
  lastNodeId: string | null = null;
  interruptRequested = false;
}

/** Raised at the next step or node boundary after `POST /interrupt` (ComfyUI's InterruptProcessingException). */
export class InterruptedError extends Error {
  constructor() {
    super('Processing interrupted');
  }
}
