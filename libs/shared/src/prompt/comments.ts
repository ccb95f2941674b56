/** Comments `/* … *\/` (D-2): not nested; an unterminated `/*` is literal text. */

export const COMMENT_OPEN = '/*';
export const COMMENT_CLOSE = '*/';

/**
 * The index just after the `*\/` closing a comment opened at `start`, or -1 when it is unterminated.
 * @example commentEnd('a /* b *\/ c', 2) === 9
 */
export function commentEnd(text: string, start: number): number {
  const close = text.indexOf(COMMENT_CLOSE, start + COMMENT_OPEN.length);
  return close < 0 ? -1 : close + COMMENT_CLOSE.length;
}

/**
 * Removes every terminated comment, as ComfyUI's editor does before queueing.
 * @example removeComments('red, /* blue, *\/ green') === 'red,  green'
 */
export function removeComments(text: string): string {
  let result = '';
  let from = 0;
  for (let open = text.indexOf(COMMENT_OPEN); open >= 0; open = text.indexOf(COMMENT_OPEN, from)) {
    const end = commentEnd(text, open);
    if (end < 0) break;
    result += text.slice(from, open);
    from = end;
  }
  return result + text.slice(from);
}
