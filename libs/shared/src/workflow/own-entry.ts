import type { InputSpec, NodeInfo } from '../comfy/object-info';

/**
 * `record[key]` for keys that come from user files (class types, param types, field names): only
 * the record's own entries count, so `"constructor"` or `"toString"` never reach `Object.prototype`.
 * @example ownEntry({}, 'constructor') === undefined
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * `findInputSpec` for input names read from a workflow file: an input called `constructor` is not
 * declared by any node, whatever `Object.prototype` holds.
 */
export function ownInputSpec(info: NodeInfo, input: string): InputSpec | undefined {
  return ownEntry(info.input.required, input) ?? ownEntry(info.input.optional, input);
}
