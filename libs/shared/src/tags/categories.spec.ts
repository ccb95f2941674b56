import { cozyGenCategoryBucket, danbooruCategoryName } from './categories';

describe('T-2 danbooru type ids', () => {
  it.each([
    [0, 'general'],
    [1, 'artist'],
    [3, 'copyright'],
    [4, 'character'],
    [5, 'meta'],
    [2, undefined],
    [6, undefined],
  ])('%i → %p', (id, name) => {
    expect(danbooruCategoryName(id)).toBe(name);
  });
});

describe('T-3 CozyGen buckets', () => {
  it.each([
    ['anatomy_body', 'navel', 'body'],
    ['camera_composition', 'from_above', 'camera'],
    ['clothing_accessories', 'scarf', 'clothing'],
    ['color', 'red', 'color'],
    ['expression_emotion', 'smile', 'expression'],
    ['lighting', 'backlighting', 'lighting'],
    ['location_scene', 'beach', 'scene'],
    ['meta_quality', 'highres', 'quality'],
    ['name_title_misc', 'x', 'names'],
    ['other', 'x', 'general'],
    ['pose_action', 'sitting', 'pose'],
    ['style_medium', 'sketch', 'style'],
    ['text_symbols', 'heart', 'text'],
    ['subject_count', '1girl', 'meta'],
    ['weapons_tools', 'sword', 'props'],
    ['violence_gore', 'blood', 'violence'],
    ['nsfw_suggestive', 'x', 'nsfw'],
    ['nsfw_nudity', 'x', 'nsfw'],
    ['nsfw_explicit', 'x', 'nsfw'],
    [' Color ', 'red', 'color'],
    ['namespace_x', '<3', 'expression'],
    ['namespace_x', '>_<', 'expression'],
    ['namespace_x', ':d', 'expression'],
    ['namespace_x', '10:30', 'general'],
    ['namespace_x', '3:45PM', 'general'],
    ['namespace_x', '12:', 'general'],
    ['namespace', '123:45', 'fandom'],
    ['namespace_x', 're:zero', 'fandom'],
    ['', 'x', 'general'],
    ['Brand_New', 'x', 'brand_new'],
    ['constructor', 'x', 'constructor'],
  ])('%j / %j → %s', (raw, tag, bucket) => {
    expect(cozyGenCategoryBucket(raw, tag)).toBe(bucket);
  });
});
