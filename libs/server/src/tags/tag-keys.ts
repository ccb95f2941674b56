/**
 * How tags are compared (T-4): lower-cased, with `_` for every whitespace character, so
 * `Long Hair` finds `long_hair`.
 * @example tagKey(' Long Hair ') === 'long_hair'
 */
export function tagKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s/g, '_');
}

/**
 * T-4's fragments of a key: the pieces between runs of `_`, `-` and whitespace.
 * @example tagFragments('hair_long') // ['hair', 'long']
 */
export function tagFragments(key: string): string[] {
  return key.split(/[_\-\s]+/).filter((fragment) => fragment !== '');
}

/**
 * Several spellings in one text column, each between newlines (`\na\nb\n`), so a column search
 * for `\n` + key finds a spelling that starts with key; "" for none. Tag texts never hold newlines.
 */
export function joinLines(values: readonly string[]): string {
  return values.length === 0 ? '' : `\n${values.join('\n')}\n`;
}

export function splitLines(text: string): string[] {
  return text.split('\n').filter((value) => value !== '');
}
