import { describe, expect, it } from 'vitest';
import { fixtureAliases } from '../test/aliases';
import { suggestAliases } from './alias-suggestions';

const aliases = fixtureAliases();
const keys = (query: string, recent: string[] = [], limit?: number) => suggestAliases(aliases, query, recent, limit).map((entry) => entry.key);

describe('A-12 alias autocomplete order', () => {
  it.each([
    // name prefix first, the most recently edited of them first
    ['neon', ['prompts::neon_samurai', 'lighting::neon:pink', 'lighting::neon_night']],
    // a category prefix, then texts that use the category's tokens
    ['outd', ['outdoor::flower_field', 'outdoor::city-rooftop', 'outdoor::beach_sunset', 'outdoor::snowy_mountain', 'outdoor::forest_path', 'prompts::neon_samurai', 'prompts::winter_knight']],
    // the token spelling `category:name`, then a text holding that token
    ['outfit:w', ['outfit::winter-coat', 'prompts::winter_knight']],
    // a name containing the query, then aliases whose text holds it
    ['knight', ['character::knight_girl', 'prompts::winter_knight']],
    ['umbrella', ['outfit::rain_gear']],
    ['QUALITY', ['quality_boost', 'prompts::harbor_evening']],
    ['nothing-like-this', []],
  ])('$%s → %j', (query, expected) => {
    expect(keys(query)).toEqual(expected);
  });

  it('puts aliases used in this session before others of the same kind of match', () => {
    expect(keys('neon', ['lighting::neon_night'])).toEqual(['lighting::neon_night', 'prompts::neon_samurai', 'lighting::neon:pink']);
  });

  it('a bare $ lists the recent ones, then the latest edits, at most ten', () => {
    const listed = keys('', ['outfit::rain_gear']);
    expect(listed).toHaveLength(10);
    expect(listed.slice(0, 3)).toEqual(['outfit::rain_gear', 'negative_basic', 'quality_boost']);
  });

  it('keeps a name match ahead of a recent text match', () => {
    expect(keys('night', ['lighting::moonlit'])).toEqual([
      'prompts::winter_knight',
      'lighting::neon_night',
      'character::knight_girl',
      'lighting::moonlit',
      'prompts::neon_samurai',
      'outdoor::city-rooftop',
    ]);
  });
});
