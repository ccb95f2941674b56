import { locateJsonError } from './json-error-position';

function parseMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected invalid JSON');
}

describe('W-1 invalid JSON names line and column', () => {
  it.each([
    ['{"a": }', 1, 7, 'unexpected character "}"'],
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, 'expected ":", unexpected character "2"'],
    ['{\n  "a": 1,\n}', 3, 1, 'expected a property name in double quotes, unexpected character "}"'],
    ['[1, 2,]', 1, 7, 'unexpected character "]"'],
    ['{"a": "x', 1, 9, 'unterminated string'],
    ['{"a": "x\ny"}', 1, 9, 'unescaped control character in string'],
    ['{"a": "\\q"}', 1, 8, 'invalid escape sequence in string'],
    ['{"a": 01}', 1, 8, 'expected "," or "}", unexpected character "1"'],
    ['{"a": -}', 1, 7, 'invalid number'],
    ['{"a": 1} x', 1, 10, 'unexpected text after the JSON value'],
    ['', 1, 1, 'unexpected end of input'],
    ['{"a": [1, 2}', 1, 12, 'expected "," or "]", unexpected character "}"'],
    ['{"a": tru}', 1, 7, 'unexpected character "t"'],
  ])('%j → line %i, column %i', (text, line, column, message) => {
    expect(locateJsonError(text, parseMessage(text))).toEqual({ line, column, message });
  });

  it('survives deeply nested input without a stack overflow', () => {
    const text = '['.repeat(200_000);
    expect(locateJsonError(text, parseMessage(text))).toEqual({ line: 1, column: 200_001, message: 'unexpected end of input' });
  });

  it('counts columns from the start of the offending line', () => {
    const text = '{\r\n  "ok": true,\r\n  "bad": nul\r\n}';
    expect(locateJsonError(text, parseMessage(text))).toMatchObject({ line: 3, column: 10 });
  });
});
