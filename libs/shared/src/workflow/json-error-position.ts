/**
 * Where a JSON text stops being valid. `JSON.parse` messages differ between engines and often carry
 * no position (V8: `Unexpected token '}', "…" is not valid JSON`), so the text is scanned again
 * (iteratively: a 5 MB file of `[` must not overflow the stack) to find the first bad character.
 */

export interface JsonErrorLocation {
  /** 1-based line and column (in UTF-16 code units) of the first offending character. */
  line: number;
  column: number;
  message: string;
}

interface ScanError {
  offset: number;
  message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function describe(text: string, offset: number): string {
  const char = text[offset];
  return char === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(char)}`;
}

/** Offset just after the string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | ScanError {
  let pos = start + 1;
  while (pos < text.length) {
    const char = text[pos] ?? '';
    if (char === '"') return pos + 1;
    if (char === '\\') {
      ESCAPE.lastIndex = pos;
      if (!ESCAPE.test(text)) return { offset: pos, message: 'invalid escape sequence in string' };
      pos = ESCAPE.lastIndex;
    } else if (char.charCodeAt(0) < 0x20) {
      return { offset: pos, message: 'unescaped control character in string' };
    } else {
      pos += 1;
    }
  }
  return { offset: text.length, message: 'unterminated string' };
}

/** Offset just after the scalar (string, number, literal) starting at `pos`, or the error. */
function scanScalar(text: string, pos: number): number | ScanError {
  const char = text[pos];
  if (char === '"') return scanString(text, pos);
  if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
    NUMBER.lastIndex = pos;
    return NUMBER.test(text) ? NUMBER.lastIndex : { offset: pos, message: 'invalid number' };
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, pos)) return pos + literal.length;
  }
  return { offset: pos, message: describe(text, pos) };
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
function findJsonError(text: string): ScanError | undefined {
  const stack: string[] = [];
  let pos = 0;
  const skip = (): void => {
    while (WHITESPACE.has(text[pos] ?? '')) pos += 1;
  };
  /** After `{` or `,` inside an object: a key and a colon. */
  const scanKey = (): ScanError | undefined => {
    skip();
    if (text[pos] !== '"') return { offset: pos, message: `expected a property name in double quotes, ${describe(text, pos)}` };
    const end = scanString(text, pos);
    if (typeof end !== 'number') return end;
    pos = end;
    skip();
    if (text[pos] !== ':') return { offset: pos, message: `expected ":", ${describe(text, pos)}` };
    pos += 1;
    return undefined;
  };
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      const char = text[pos];
      if (char === '{' || char === '[') {
        stack.push(char === '{' ? '}' : ']');
        pos += 1;
        skip();
        if (text[pos] === stack.at(-1)) {
          stack.pop();
          pos += 1;
          expectValue = false;
        } else if (char === '{') {
          const problem = scanKey();
          if (problem) return problem;
        }
        continue;
      }
      const end = scanScalar(text, pos);
      if (typeof end !== 'number') return end;
      pos = end;
      expectValue = false;
      continue;
    }
    const close = stack.at(-1);
    if (close === undefined) return pos < text.length ? { offset: pos, message: `unexpected text after the JSON value` } : undefined;
    if (text[pos] === close) {
      stack.pop();
      pos += 1;
    } else if (text[pos] === ',') {
      pos += 1;
      expectValue = true;
      const problem = close === '}' ? scanKey() : undefined;
      if (problem) return problem;
    } else {
      return { offset: pos, message: `expected "," or "${close}", ${describe(text, pos)}` };
    }
  }
}

/**
 * Line, column and a readable reason for a text `JSON.parse` rejected.
 * @example locateJsonError('{\n  "a": }', '…') → { line: 2, column: 8, message: 'unexpected character "}"' }
 */
export function locateJsonError(text: string, parserMessage: string): JsonErrorLocation {
  const found = findJsonError(text);
  const reported = /position (\d+)/.exec(parserMessage);
  const offset = found?.offset ?? (reported ? Number(reported[1]) : text.length);
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.split('\n').length,
    column: offset - lineStart + 1,
    message: found?.message ?? parserMessage,
  };
}
