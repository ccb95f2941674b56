import type { JobError } from '@app/shared/contracts/api/generations';
import type { FormSchema } from '@app/shared/form/field-types';
import { trimExceptionMessage, type ComfyExecutionError, type ComfyValidationError, type ValidationProblem } from '@app/server/comfy/comfy-errors';
import { describeNode, type GraphForHumans } from './describe-node';

/**
 * J-10: ComfyUI refused the graph. Each problem goes to the form field that fed the failing
 * input (`values.<field>`), else to the node, named by its title.
 */
export function validationJobError(error: ComfyValidationError, schema: FormSchema, graph: GraphForHumans): JobError {
  const fields = error.problems().map((problem) => {
    const field = problem.nodeId && problem.inputName ? schema.fields.find((f) => f.targets.some((t) => t.nodeId === problem.nodeId && t.input === problem.inputName)) : undefined;
    const details = problemDetails(problem);
    if (field) return { field: `values.${field.name}`, message: `${problem.message}${details ? `: ${details}` : ''}` };
    const where = problem.nodeId ? (describeNode(graph, problem.nodeId).title ?? `node ${problem.nodeId}`) : 'workflow';
    return { field: problem.nodeId ? `node.${problem.nodeId}` : 'graph', message: `${where}: ${problem.message}${details ? ` (${details})` : ''}` };
  });
  return { kind: 'validation', message: 'ComfyUI refused the workflow', fields };
}

/**
 * ComfyUI's `details` say what was wrong (for `value_not_in_list`, the allowed values; ComfyUI
 * itself shortens lists over 20). Bounded and without server paths; left out when it only repeats
 * the input's name (range errors, missing inputs).
 */
function problemDetails(problem: ValidationProblem): string {
  const details = problem.details.trim();
  return details === '' || details === problem.inputName ? '' : trimExceptionMessage(details);
}

/** J-10: a runtime error names the node, the exception type and a trimmed message. */
export function executionJobError(error: ComfyExecutionError, graph: GraphForHumans): JobError {
  const node = error.nodeId ? describeNode(graph, error.nodeId) : undefined;
  const where = node ? `${node.title ?? node.classType ?? `node ${node.id}`}: ` : '';
  return {
    kind: 'execution',
    message: `${where}${error.exceptionType ? `${error.exceptionType}: ` : ''}${error.message}`,
    ...(node ? { node } : {}),
    ...(error.exceptionType ? { exceptionType: error.exceptionType } : {}),
  };
}
