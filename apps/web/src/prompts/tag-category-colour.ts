/** Categories with a colour of their own in the theme (danbooru's five, T-2). */
const COLOURED = new Set(['general', 'artist', 'copyright', 'character', 'meta']);

/**
 * The CSS colour a tag of `category` is written in (T-5); other categories get the muted text colour.
 * @example tagCategoryColour('character') === 'var(--color-tag-character)'
 */
export function tagCategoryColour(category: string): string {
  const name = category.toLowerCase();
  return COLOURED.has(name) ? `var(--color-tag-${name})` : 'var(--color-text-muted)';
}
