/**
 * Compares a stand-in answer with a captured one the way fixtures/comfyui-real/README.md asks: key
 * sets and value kinds recursively everywhere, exact values only where the server is deterministic.
 * Paths are dotted (`node_errors.1.errors.0.type`); in patterns `*` matches any one segment, and
 * `exact`/`ignore` patterns cover the whole subtree below the path they name.
 */
export interface CompareOptions {
  /** Compare every leaf value too (numbers as numbers), except under `ignore`. */
  exactAll?: boolean;
  /** Paths whose values (everything below them) must be equal. */
  exact?: readonly string[];
  /** Paths not compared at all (traceback lines, ids, timestamps). */
  ignore?: readonly string[];
  /** Paths whose string value must match a pattern (file names). */
  patterns?: Readonly<Record<string, RegExp>>;
}

export type ValueKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'undefined';

export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string' || type === 'undefined') return type;
  return 'object';
}

/** Every difference found, one line each; empty when the shapes agree. */
export function shapeDifferences(expected: unknown, actual: unknown, options: CompareOptions = {}): string[] {
  const differences: string[] = [];
  walk(expected, actual, [], options, differences);
  return differences;
}

function walk(expected: unknown, actual: unknown, path: string[], options: CompareOptions, out: string[]): void {
  const where = path.join('.') || '(root)';
  if (matchesAny(options.ignore, path)) return;
  const pattern = Object.entries(options.patterns ?? {}).find(([candidate]) => matches(candidate, path))?.[1];
  if (pattern) {
    if (typeof actual !== 'string' || !pattern.test(actual)) out.push(`${where}: ${JSON.stringify(actual)} does not match ${String(pattern)}`);
    return;
  }
  const expectedKind = kindOf(expected);
  const actualKind = kindOf(actual);
  if (expectedKind !== actualKind) {
    out.push(`${where}: expected ${expectedKind}, got ${actualKind}`);
    return;
  }
  if (expectedKind === 'array' && Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${where}: expected ${expected.length} items, got ${actual.length}`);
    expected.forEach((item, index) => {
      if (index < actual.length) walk(item, actual[index], [...path, String(index)], options, out);
    });
    return;
  }
  if (expectedKind === 'object' && isObject(expected) && isObject(actual)) {
    const expectedKeys = Object.keys(expected).sort();
    const actualKeys = Object.keys(actual).sort();
    const missing = expectedKeys.filter((key) => !(key in actual) && !matchesAny(options.ignore, [...path, key]));
    const extra = actualKeys.filter((key) => !(key in expected) && !matchesAny(options.ignore, [...path, key]));
    if (missing.length > 0) out.push(`${where}: missing keys ${missing.join(', ')}`);
    if (extra.length > 0) out.push(`${where}: unexpected keys ${extra.join(', ')}`);
    for (const key of expectedKeys) {
      if (key in actual) walk(expected[key], actual[key], [...path, key], options, out);
    }
    return;
  }
  const exact = options.exactAll === true || matchesAny(options.exact, path);
  if (exact && expected !== actual) out.push(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** True when a pattern names `path` or one of its ancestors. */
function matchesAny(patterns: readonly string[] | undefined, path: string[]): boolean {
  return (patterns ?? []).some((pattern) => matches(pattern, path, true));
}

function matches(pattern: string, path: string[], prefix = false): boolean {
  const parts = pattern.split('.');
  if (prefix ? parts.length > path.length : parts.length !== path.length) return false;
  return parts.every((part, index) => part === '*' || part === path[index]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
