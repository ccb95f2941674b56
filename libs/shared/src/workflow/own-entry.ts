/**
 * `record[key]` for keys that come from user files (class types, param types, field names): only
 * the record's own entries count, so `"constructor"` or `"toString"` never reach `Object.prototype`.
 * @example ownEntry({}, 'constructor') === undefined
 */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
