import { pyFloatRepr } from './python-values';

/**
 * JSON text as Python's `json.dumps` writes it (`", "` and `": "` separators, non-ASCII escaped),
 * which is what a real ComfyUI sends over HTTP and WebSocket and stores in PNG text chunks.
 * Non-finite numbers come out as Python writes them (`NaN`, `Infinity`).
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJson(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function') continue;
      parts.push(`${pythonString(key)}: ${pythonJson(item)}`);
    }
    return `{${parts.join(', ')}}`;
  }
  return 'null';
}

function pythonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  return Number.isInteger(value) ? BigInt(value).toString() : pyFloatRepr(value);
}

function pythonString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) =>
    char === '\u007f' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
