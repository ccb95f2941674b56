import type { z } from 'zod';

/**
 * Characters that control a terminal or printer, or silently reorder or hide text when shown:
 * C0 and C1 controls, DEL, the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the left-to-right and right-to-left marks, U+FEFF, and unpaired surrogates.
 * A name shown to other people holding one could pass for another name.
 */
const UNSAFE = String.raw`[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`;
const UNSAFE_IN_LABEL = new RegExp(UNSAFE);
const UNSAFE_ANYWHERE = new RegExp(UNSAFE, 'g');
/** Multi-line text may hold tabs and line breaks, nothing else of the above. */
const UNSAFE_IN_TEXT = new RegExp(`(?![\\t\\n\\r])(?:${UNSAFE})`);

/**
 * The first character `text` may not hold, as `U+XXXX`, or undefined when it is clean.
 * @example unsafeCharacter('Bob\u202Egnp.exe') === 'U+202E'
 * @example unsafeCharacter('two\nlines', { multiline: true }) === undefined
 */
export function unsafeCharacter(text: string, options: { multiline?: boolean } = {}): string | undefined {
  const found = (options.multiline ? UNSAFE_IN_TEXT : UNSAFE_IN_LABEL).exec(text)?.[0];
  return found === undefined ? undefined : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` without any such character, for a name taken from elsewhere (a file's name), where
 * refusing would fail the whole upload.
 * @example withoutUnsafeCharacters('cat\u202Egnp.png') === 'catgnp.png'
 */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_ANYWHERE, '');
}

/**
 * A string schema that also refuses the characters above (tabs and line breaks too, unless
 * `multiline`). Every name or label one user can show another goes through it.
 * @example safeText(z.string().trim().min(1).max(80)) // a display name
 */
export function safeText(schema: z.ZodString, options: { multiline?: boolean } = {}): z.ZodString {
  // abort: a later pattern check would only repeat the refusal in other words.
  return schema.refine((text) => unsafeCharacter(text, options) === undefined, {
    abort: true,
    error: (issue) => `must not contain control or text-direction characters (found ${unsafeCharacter(String(issue.input), options) ?? 'one'})`,
  });
}
