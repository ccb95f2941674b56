import { z } from 'zod';
import { safeText, unsafeCharacter } from './safe-text';

describe('S-20 names and labels refuse control and text-direction characters', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a tab', 'a\tb', 'U+0009'],
    ['a newline', 'a\nb', 'U+000A'],
    ['ESC', '\u001b[31mred', 'U+001B'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['a C1 control (NEL)', 'a\u0085b', 'U+0085'],
    ['a right-to-left override', 'Bob\u202Egnp.exe', 'U+202E'],
    ['a left-to-right embedding', '\u202Aabc', 'U+202A'],
    ['a first-strong isolate', 'a\u2068b\u2069', 'U+2068'],
    ['a right-to-left mark', 'a\u200Fb', 'U+200F'],
    ['a byte order mark', '\uFEFFname', 'U+FEFF'],
    ['a lone high surrogate', 'a\uD800b', 'U+D800'],
    ['a lone low surrogate', 'a\uDC00', 'U+DC00'],
  ])('finds %s in a label', (_case, text, found) => {
    expect(unsafeCharacter(text)).toBe(found);
  });

  it.each([
    ['plain ASCII', 'Alice Smith'],
    ['accents and CJK', 'Zoë 山田'],
    ['Arabic and Hebrew letters', 'مريم · שרה'],
    ['an emoji (a surrogate pair)', 'Kai 🎨'],
    ['a zero-width joiner inside an emoji', '👩‍🎨'],
  ])('accepts %s', (_case, text) => {
    expect(unsafeCharacter(text)).toBeUndefined();
  });

  it('lets multi-line text keep tabs and line breaks, nothing else', () => {
    expect([unsafeCharacter('a\tb\r\nc', { multiline: true }), unsafeCharacter('a\n\u202Eb', { multiline: true })]).toEqual([undefined, 'U+202E']);
  });

  it('adds the rule to a string schema with a message naming the character', () => {
    const name = safeText(z.string().trim().min(1).max(80));
    expect(name.safeParse('  Alice ').data).toBe('Alice');
    expect(name.safeParse('Al\u202Eice').error?.issues.map((issue) => issue.message)).toEqual(['must not contain control or text-direction characters (found U+202E)']);
  });
});
