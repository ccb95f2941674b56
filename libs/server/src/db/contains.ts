import { sql, type RawBuilder } from 'kysely';

/**
 * True when any of `values` holds `search` anywhere, with `%`, `_` and `\` taken literally.
 * `search` and the values are compared as given: lower-case both sides for a case-blind match.
 * @example anyContains('rain', [sql.ref('a.key'), sql`lower(${sql.ref('a.text')})`])
 */
export function anyContains(search: string, values: readonly RawBuilder<unknown>[]): RawBuilder<boolean> {
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const tests = values.map((value) => sql`${value} like ${pattern} escape '\\'`);
  return sql<boolean>`(${sql.join(tests, sql` or `)})`;
}
