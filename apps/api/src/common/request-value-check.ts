import type { FieldError } from '@app/shared/contracts/errors';

/** Deeper than any body a route takes (a workflow graph nests about five levels). */
const MAX_NESTING = 64;

/**
 * The first thing no route accepts anywhere in a body, query or path value: U+0000 in a string or
 * a key (SQLite's FTS5 ends a string there, Postgres refuses it in text), or nesting deeper than
 * MAX_NESTING (JSON.stringify and recursive schemas would overflow the stack). Walked with a
 * stack of its own, so a deep value cannot overflow this check either.
 */
export function findUnsafeValue(value: unknown, root: string): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) return { field: item.path, message: 'must not contain the NUL character (U+0000)' };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_NESTING) return { field: item.path, message: `nests deeper than ${MAX_NESTING} levels` };
    for (const [key, child] of Object.entries(item.value)) {
      const path = `${item.path}.${key}`;
      if (key.includes('\u0000')) return { field: item.path, message: 'must not contain the NUL character (U+0000) in a key' };
      pending.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}
