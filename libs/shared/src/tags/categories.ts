/** Tag categories: danbooru type ids (T-2) and CozyGen's buckets for its raw categories (T-3). */

export const DANBOORU_CATEGORIES: Readonly<Record<number, string>> = {
  0: 'general',
  1: 'artist',
  3: 'copyright',
  4: 'character',
  5: 'meta',
};

/**
 * The category name of a danbooru type id, or undefined for an id danbooru does not use.
 * @example danbooruCategoryName(4) === 'character'
 */
export function danbooruCategoryName(typeId: number): string | undefined {
  return DANBOORU_CATEGORIES[typeId];
}

export const COZYGEN_CATEGORY_BUCKETS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    anatomy_body: 'body',
    camera_composition: 'camera',
    clothing_accessories: 'clothing',
    color: 'color',
    expression_emotion: 'expression',
    lighting: 'lighting',
    location_scene: 'scene',
    meta_quality: 'quality',
    name_title_misc: 'names',
    other: 'general',
    pose_action: 'pose',
    style_medium: 'style',
    text_symbols: 'text',
    subject_count: 'meta',
    weapons_tools: 'props',
    violence_gore: 'violence',
    nsfw_suggestive: 'nsfw',
    nsfw_nudity: 'nsfw',
    nsfw_explicit: 'nsfw',
  }),
);

const CLOCK_LIKE = /^(?:\d{1,2}:\d{2}(?:am|pm)?|\d+:)$/i;

/**
 * The bucket a tag from CozyGen's `danbooru_tags.md` belongs to (T-3). Its `namespace…` sections
 * (one per tag containing `:`) collapse into emoticons → expression, clock-like tags → general, and
 * everything else → fandom.
 * @example cozyGenCategoryBucket('clothing_accessories', 'scarf') === 'clothing'
 * @example cozyGenCategoryBucket('namespace_re', 're:zero') === 'fandom'
 */
export function cozyGenCategoryBucket(rawCategory: string, tag: string): string {
  const raw = rawCategory.trim().toLowerCase();
  if (raw === '') return 'general';
  if (raw.startsWith('namespace')) {
    const name = tag.trim().toLowerCase();
    if (/^[<>:]/.test(name)) return 'expression';
    return CLOCK_LIKE.test(name) ? 'general' : 'fandom';
  }
  return COZYGEN_CATEGORY_BUCKETS.get(raw) ?? raw;
}
