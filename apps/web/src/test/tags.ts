import type { Tag, TagPage } from '@app/shared/contracts/api/tags';
import { parseTagCsvLine } from '@app/shared/tags/tag-list-parsers';
import { readFixtureText } from '@test/fixtures';

let byName: Map<string, Tag> | null = null;

/** The shipped danbooru list's tags (shared/fixtures/tags), read by the shared CSV parser. */
function fixtureTags(): Map<string, Tag> {
  if (byName) return byName;
  byName = new Map();
  for (const line of readFixtureText('tags/danbooru.csv').split('\n')) {
    const parsed = parseTagCsvLine(line);
    if (parsed.kind === 'tag') byName.set(parsed.tag.name, parsed.tag);
  }
  return byName;
}

/** Real tags by name, as `GET /tags` lists them. */
export function tags(...names: string[]): Tag[] {
  return names.map((name) => {
    const tag = fixtureTags().get(name);
    if (!tag) throw new Error(`no tag ${name} in the fixture list`);
    return tag;
  });
}

export function tagPage(items: Tag[], nextCursor: string | null = null): TagPage {
  return { items, nextCursor };
}
