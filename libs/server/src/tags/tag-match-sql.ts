import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Above every code point: `key < prefix + PREFIX_TOP` closes a prefix range. */
export const PREFIX_TOP = '\u{10FFFF}';

/** What a search or a suggestion asks of a tag's text (T-4, T-7). */
export interface TextMatch {
  /** Contained in the name or in one of the aliases. */
  substring?: string;
  /** Each contained in the name, in any order; empty = not asked. */
  fragments: readonly string[];
}

/**
 * The SQL conditions tag queries are built from, over `tags` columns. Substring tests are `instr`
 * on SQLite and `strpos` elsewhere (same arguments, same answer).
 */
export class TagMatchSql {
  constructor(private readonly sqlite: boolean) {}

  contains(column: 'nameKey' | 'aliasKeys', needle: string): RawBuilder<SqlBool> {
    return sql<SqlBool>`${sql.raw(this.sqlite ? 'instr' : 'strpos')}(${sql.ref(column)}, ${needle}) > 0`;
  }

  /** The match as one condition: substring of name or aliases, or every fragment in the name. */
  matches(match: TextMatch): RawBuilder<SqlBool> {
    const parts: RawBuilder<SqlBool>[] = [];
    if (match.substring !== undefined) parts.push(sql<SqlBool>`(${this.contains('nameKey', match.substring)} or ${this.contains('aliasKeys', match.substring)})`);
    if (match.fragments.length > 0) parts.push(sql<SqlBool>`(${sql.join(match.fragments.map((f) => this.contains('nameKey', f)), sql` and `)})`);
    return parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  }

  /** The name starts with key (the name equal to key included). */
  namePrefix(key: string): RawBuilder<SqlBool> {
    return sql<SqlBool>`(${sql.ref('nameKey')} >= ${key} and ${sql.ref('nameKey')} < ${key + PREFIX_TOP})`;
  }

  /** Some alias starts with key: the aliases column holds each between newlines. */
  aliasPrefix(key: string): RawBuilder<SqlBool> {
    return this.contains('aliasKeys', `\n${key}`);
  }
}

/**
 * An FTS5 string: any text between double quotes, inner quotes doubled.
 * @example ftsPhrase('say "hi"') === '"say ""hi"""'
 */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
