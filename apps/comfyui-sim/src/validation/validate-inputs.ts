import { findInputSpec, inputOptions, type InputSpec, type NodeInfo } from '@app/shared/comfy/object-info';
import type { Catalogue } from '../catalogue/catalogue';
import { PyException, pyBool, pyFloat, pyFloatRepr, pyInt, pyRepr, pyStr } from '../python/python-values';
import { isRecord } from './prompt-graph';
import { simTraceback, type PromptProblem } from './validation-error';

export interface ValidationDeps {
  catalogue: Catalogue;
  /** LoadImage's check: does the (annotated) input file exist? */
  imageExists(image: string): Promise<boolean>;
}

export interface NodeValidation {
  valid: boolean;
  errors: PromptProblem[];
}

/** Classes with a `VALIDATE_INPUTS` of their own; their checked inputs skip range and choice checks. */
const CUSTOM_CHECKS: Readonly<Record<string, { input: string }>> = {
  LoadImage: { input: 'image' },
  LoadImageMask: { input: 'image' },
};

/**
 * ComfyUI's `validate_inputs`, node by node from an output upwards, memoised in `validated`
 * (insertion order matters: `node_errors` is built from it). Converted values are written back into
 * the graph, as the real server does, so history shows `64` for a submitted `"64"`.
 */
export class InputValidator {
  readonly validated = new Map<string, NodeValidation>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly prompt: Record<string, Record<string, unknown>>,
    private readonly deps: ValidationDeps,
  ) {}

  async validate(id: string): Promise<NodeValidation> {
    const known = this.validated.get(id);
    if (known) return known;
    if (this.inProgress.has(id)) throw new PyException('RecursionError', 'maximum recursion depth exceeded');
    this.inProgress.add(id);
    try {
      const result = await this.check(id);
      this.validated.set(id, result);
      return result;
    } finally {
      this.inProgress.delete(id);
    }
  }

  private async check(id: string): Promise<NodeValidation> {
    const node = this.node(id);
    const classType = String(node.class_type);
    const info = this.deps.catalogue.info(classType);
    if (!info) throw new PyException('KeyError', pyRepr(classType));
    if (!isRecord(node.inputs)) throw new PyException('KeyError', "'inputs'");
    const inputs = node.inputs;
    const custom = CUSTOM_CHECKS[classType];
    const errors: PromptProblem[] = [];
    let valid = true;
    for (const [name, category] of declaredInputs(info)) {
      const spec = findInputSpec(info, name);
      if (!spec) continue;
      if (!(name in inputs)) {
        if (category === 'required') errors.push(problem('required_input_missing', 'Required input is missing', name, { input_name: name }));
        continue;
      }
      const value = inputs[name];
      if (Array.isArray(value)) {
        const linked = await this.checkLink(name, spec, value, errors);
        if (!linked) valid = false;
        continue;
      }
      this.checkValue(inputs, name, spec, custom?.input === name, errors);
    }
    if (custom && typeof inputs[custom.input] === 'string') {
      const image = String(inputs[custom.input]);
      if (!(await this.deps.imageExists(image))) {
        errors.push(problem('custom_validation_failed', 'Custom validation failed for node', `${custom.input} - Invalid image file: ${image}`, { input_name: custom.input }));
      }
    }
    return errors.length > 0 || !valid ? { valid: false, errors } : { valid: true, errors: [] };
  }

  /** Returns false when the linked node is invalid (its own errors are in `validated`). */
  private async checkLink(name: string, spec: InputSpec, link: unknown[], errors: PromptProblem[]): Promise<boolean> {
    const config = inputConfig(spec);
    if (link.length !== 2) {
      errors.push(problem('bad_linked_input', 'Bad linked input, must be a length-2 list of [node_id, slot_index]', name, { input_name: name, input_config: config, received_value: link }));
      return true;
    }
    const [sourceId, slot] = link;
    const source = this.node(sourceId);
    const sourceInfo = this.deps.catalogue.info(String(source.class_type));
    const receivedType = tupleItem(sourceInfo?.output ?? [], slot);
    if (!typesMatch(receivedType, spec[0])) {
      const details = `${name}, received_type(${pyStr(receivedType)}) mismatch input_type(${pyStr(spec[0])})`;
      errors.push(
        problem('return_type_mismatch', 'Return type mismatch between linked nodes', details, {
          input_name: name,
          input_config: config,
          received_type: receivedType,
          linked_node: link,
        }),
      );
      return true;
    }
    const sourceKey = String(sourceId);
    try {
      return (await this.validate(sourceKey)).valid;
    } catch (error) {
      const exception = asPyException(error);
      this.validated.set(sourceKey, {
        valid: false,
        errors: [
          problem('exception_during_inner_validation', 'Exception when validating inner node', exception.message, {
            input_name: name,
            input_config: config,
            exception_message: exception.message,
            exception_type: exception.type,
            traceback: simTraceback('validate_inputs'),
            linked_node: link,
          }),
        ],
      });
      return false;
    }
  }

  private checkValue(inputs: Record<string, unknown>, name: string, spec: InputSpec, customChecked: boolean, errors: PromptProblem[]): void {
    const type = spec[0];
    const options = inputOptions(spec);
    const config = inputConfig(spec);
    let value = inputs[name];
    if (isRecord(value) && '__value__' in value) {
      value = value.__value__;
      inputs[name] = value;
    }
    try {
      value = convert(type, value);
      inputs[name] = value;
    } catch (error) {
      const exception = asPyException(error);
      errors.push(
        problem('invalid_input_type', `Failed to convert an input value to a ${pyStr(type)} value`, `${name}, ${pyStr(value)}, ${exception.message}`, {
          input_name: name,
          input_config: config,
          received_value: value,
          exception_message: exception.message,
        }),
      );
      return;
    }
    if (customChecked) return;
    const shown = (number: number): string => (type === 'FLOAT' ? pyFloatRepr(number) : pyStr(number));
    if (typeof value === 'number' && options.min !== undefined && value < options.min) {
      errors.push(problem('value_smaller_than_min', `Value ${shown(value)} smaller than min of ${pyStr(options.min)}`, name, { input_name: name, input_config: config, received_value: value }));
      return;
    }
    if (typeof value === 'number' && options.max !== undefined && value > options.max) {
      errors.push(problem('value_bigger_than_max', `Value ${shown(value)} bigger than max of ${pyStr(options.max)}`, name, { input_name: name, input_config: config, received_value: value }));
      return;
    }
    const choices = Array.isArray(type) ? type : type === 'COMBO' ? (options.options ?? []) : undefined;
    if (!choices) return;
    const candidates = options.multiselect === true && Array.isArray(value) ? value : [value];
    if (candidates.every((candidate) => choices.some((choice) => choice === candidate))) return;
    const long = choices.length > 20;
    const listInfo = long ? `(list of length ${choices.length})` : pyRepr(choices);
    errors.push(problem('value_not_in_list', 'Value not in list', `${name}: '${pyStr(value)}' not in ${listInfo}`, { input_name: name, input_config: long ? null : config, received_value: value }));
  }

  /** `prompt[id]`: a missing id raises `KeyError`, as in transcript 05's link to node 99. */
  private node(id: unknown): Record<string, unknown> {
    const node = typeof id === 'string' && Object.hasOwn(this.prompt, id) ? this.prompt[id] : undefined;
    if (!node) throw new PyException('KeyError', pyRepr(id));
    return node;
  }
}

/** Declared inputs, required first, each with its category. */
function declaredInputs(info: NodeInfo): [string, 'required' | 'optional'][] {
  return [
    ...Object.keys(info.input.required ?? {}).map((name): [string, 'required'] => [name, 'required']),
    ...Object.keys(info.input.optional ?? {}).map((name): [string, 'optional'] => [name, 'optional']),
  ];
}

/** `(input_type, extra_info)` as errors echo it. */
function inputConfig(spec: InputSpec): unknown[] {
  return [spec[0], spec[1] ?? {}];
}

function convert(type: InputSpec[0], value: unknown): unknown {
  if (type === 'INT') return pyInt(value);
  if (type === 'FLOAT') return pyFloat(value);
  if (type === 'STRING') return pyStr(value);
  if (type === 'BOOLEAN') return pyBool(value);
  return value;
}

/** ComfyUI's `validate_node_input`: equal, `*` on either side, or overlapping `A,B` unions. */
function typesMatch(received: unknown, expected: InputSpec[0]): boolean {
  if (Array.isArray(received) || Array.isArray(expected)) {
    return (Array.isArray(received) || received === 'COMBO') && (Array.isArray(expected) || expected === 'COMBO');
  }
  if (received === expected) return true;
  if (typeof received !== 'string') return false;
  const receivedTypes = new Set(received.split(',').map((type) => type.trim()));
  const expectedTypes = new Set(expected.split(',').map((type) => type.trim()));
  if (receivedTypes.has('*') || expectedTypes.has('*')) return true;
  return [...receivedTypes].some((type) => expectedTypes.has(type));
}

/** `RETURN_TYPES[slot]` with Python's indexing rules and errors. */
function tupleItem<T>(tuple: readonly T[], slot: unknown): T {
  if (typeof slot !== 'number' || !Number.isInteger(slot)) throw new PyException('TypeError', `tuple indices must be integers or slices, not ${typeof slot === 'string' ? 'str' : 'float'}`);
  const item = tuple[slot < 0 ? tuple.length + slot : slot];
  if (item === undefined) throw new PyException('IndexError', 'tuple index out of range');
  return item;
}

function problem(type: string, message: string, details: string, extraInfo: Record<string, unknown>): PromptProblem {
  return { type, message, details, extra_info: extraInfo };
}

export function asPyException(error: unknown): PyException {
  if (error instanceof PyException) return error;
  return new PyException('Exception', error instanceof Error ? error.message : String(error));
}
