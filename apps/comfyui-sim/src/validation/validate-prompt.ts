import { pyStr } from '../python/python-values';
import { isRecord } from './prompt-graph';
import { InputValidator, asPyException, type ValidationDeps } from './validate-inputs';
import { simTraceback, type NodeErrors, type PromptProblem } from './validation-error';

export type PromptValidation =
  | { ok: true; outputs: string[]; nodeErrors: NodeErrors }
  | { ok: false; error: PromptProblem; nodeErrors: NodeErrors };

/** Thrown for a `prompt` that is not an object: the real server fails with a 500 there. */
export class MalformedPromptError extends Error {}

/**
 * ComfyUI's `validate_prompt` (COMFYUI.md §2 POST /prompt): class checks on every node, then each
 * output node validated upwards. Some outputs valid → ok with the others' `node_errors`; none → the
 * 400 body. `partialTargets` limits which output nodes count.
 */
export async function validatePrompt(prompt: unknown, partialTargets: string[] | undefined, deps: ValidationDeps): Promise<PromptValidation> {
  if (!isRecord(prompt)) throw new MalformedPromptError('prompt is not an object');
  const nodes: Record<string, Record<string, unknown>> = {};
  const outputs: string[] = [];
  for (const [id, node] of Object.entries(prompt)) {
    if (!isRecord(node) || !('class_type' in node)) {
      return rejected('invalid_prompt', 'Cannot execute because a node is missing the class_type property.', `Node ID '#${id}'`);
    }
    const info = typeof node.class_type === 'string' ? deps.catalogue.info(node.class_type) : undefined;
    if (!info) return rejected('invalid_prompt', `Cannot execute because node ${pyStr(node.class_type)} does not exist.`, `Node ID '#${id}'`);
    nodes[id] = node;
    if (info.output_node && (!partialTargets || partialTargets.includes(id))) outputs.push(id);
  }
  if (outputs.length === 0) return rejected('prompt_no_outputs', 'Prompt has no outputs', '');

  const validator = new InputValidator(nodes, deps);
  const goodOutputs: string[] = [];
  const outputErrors: PromptProblem[] = [];
  const nodeErrors: NodeErrors = {};
  for (const output of outputs) {
    let result;
    try {
      result = await validator.validate(output);
    } catch (error) {
      const exception = asPyException(error);
      const reasons = [
        {
          type: 'exception_during_validation',
          message: 'Exception when validating node',
          details: exception.message,
          extra_info: { exception_type: exception.type, traceback: simTraceback('validate_prompt') },
        },
      ];
      result = { valid: false, errors: reasons };
      validator.validated.set(output, result);
    }
    if (result.valid) {
      goodOutputs.push(output);
      continue;
    }
    outputErrors.push(...result.errors);
    for (const [nodeId, nodeResult] of validator.validated) {
      if (nodeResult.valid || nodeResult.errors.length === 0) continue;
      const entry = (nodeErrors[nodeId] ??= { errors: nodeResult.errors, dependent_outputs: [], class_type: String(nodes[nodeId]?.class_type) });
      if (!entry.dependent_outputs.includes(output)) entry.dependent_outputs.push(output);
    }
  }
  if (goodOutputs.length === 0) {
    const details = outputErrors.map((error) => `${error.message}: ${error.details}`).join('\n');
    return { ok: false, error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details, extra_info: {} }, nodeErrors };
  }
  return { ok: true, outputs: goodOutputs, nodeErrors };
}

function rejected(type: string, message: string, details: string): PromptValidation {
  return { ok: false, error: { type, message, details, extra_info: {} }, nodeErrors: {} };
}
