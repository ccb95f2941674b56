import { z } from 'zod';

/**
 * Fault switches, per stand-in instance: set through `RunningSim.faults`, `SIM_FAULTS` or
 * `POST /sim/faults` (all the same shape). A partial update changes only the keys it names.
 */
export const faultUpdateSchema = z.strictObject({
  /** Class type or node id that raises an `execution_error` when it runs; null clears. */
  failNode: z.string().nullable().optional(),
  /** A node whose own text inputs contain this text raises at run time (so chosen prompts fail); null clears. */
  failText: z.string().min(1).nullable().optional(),
  /** Every ComfyUI route answers 500. */
  http500: z.boolean().optional(),
  /** Delay before every HTTP answer. */
  stallMs: z.number().min(0).optional(),
  /** Close every WebSocket now (an action, not a state). */
  dropSockets: z.boolean().optional(),
  /** Close every WebSocket this long after the next prompt starts (once); null clears. */
  dropSocketAfterMs: z.number().min(0).nullable().optional(),
  /** Multiplies simulated step time. */
  slowFactor: z.number().positive().optional(),
  /** Refuse new WebSocket connections. */
  rejectConnections: z.boolean().optional(),
});
export type FaultUpdate = z.infer<typeof faultUpdateSchema>;

export interface SimFaults {
  failNode: string | null;
  failText: string | null;
  http500: boolean;
  stallMs: number;
  dropSocketAfterMs: number | null;
  slowFactor: number;
  rejectConnections: boolean;
}

const NO_FAULTS: SimFaults = { failNode: null, failText: null, http500: false, stallMs: 0, dropSocketAfterMs: null, slowFactor: 1, rejectConnections: false };

export class FaultSwitch {
  private current: SimFaults = { ...NO_FAULTS };

  constructor(private readonly dropSockets: () => void) {}

  get(): SimFaults {
    return { ...this.current };
  }

  /** Applies a partial update and returns the faults now in force. */
  set(update: FaultUpdate): SimFaults {
    const parsed = faultUpdateSchema.parse(update);
    const now = this.current;
    this.current = {
      failNode: parsed.failNode === undefined ? now.failNode : parsed.failNode,
      failText: parsed.failText === undefined ? now.failText : parsed.failText,
      http500: parsed.http500 ?? now.http500,
      stallMs: parsed.stallMs ?? now.stallMs,
      dropSocketAfterMs: parsed.dropSocketAfterMs === undefined ? now.dropSocketAfterMs : parsed.dropSocketAfterMs,
      slowFactor: parsed.slowFactor ?? now.slowFactor,
      rejectConnections: parsed.rejectConnections ?? now.rejectConnections,
    };
    if (parsed.dropSockets) this.dropSockets();
    return this.get();
  }

  clear(): SimFaults {
    this.current = { ...NO_FAULTS };
    return this.get();
  }

  /** The pending "drop sockets into the next prompt" delay, consumed by that prompt. */
  takeDropSocketAfterMs(): number | null {
    const delay = this.current.dropSocketAfterMs;
    this.current = { ...this.current, dropSocketAfterMs: null };
    return delay;
  }

  /** Does this node raise the injected failure? `inputs` are its own (unlinked) input values. */
  failsNode(nodeId: string, classType: string, inputs: Record<string, unknown>): boolean {
    const { failNode, failText } = this.current;
    if (failNode !== null && (failNode === nodeId || failNode === classType)) return true;
    return failText !== null && Object.values(inputs).some((value) => typeof value === 'string' && value.includes(failText));
  }
}
