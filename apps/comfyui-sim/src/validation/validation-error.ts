/** One problem as ComfyUI reports it: top-level `error` or an item of `node_errors[id].errors`. */
export interface PromptProblem {
  type: string;
  message: string;
  details: string;
  extra_info: Record<string, unknown>;
}

export interface NodeErrorEntry {
  errors: PromptProblem[];
  dependent_outputs: string[];
  class_type: string;
}

export type NodeErrors = Record<string, NodeErrorEntry>;

/** A stand-in for the Python traceback a real server attaches; its lines are never compared. */
export function simTraceback(where: string): string[] {
  return [`  File "<comfyui-sim>/validation.ts", line 1, in ${where}\n`];
}
