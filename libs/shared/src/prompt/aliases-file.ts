import { z } from 'zod';
import type { FieldError } from '../contracts/errors';
import {
  ALIAS_TEXT_MAX_LENGTH,
  describeAliasNameRule,
  formatAliasKey,
  isValidAliasCategory,
  isValidAliasName,
  lookupKey,
  MAX_ALIASES_PER_USER,
  MAX_CATEGORIES_PER_USER,
  splitAliasKey,
} from './alias-syntax';

/** CozyGen's `data/aliases.json` as it saves it, and as we export. */
export const cozyGenAliasesFileSchema = z.object({
  items: z.record(z.string(), z.string()),
  categories: z.record(z.string(), z.string()),
  categoryList: z.array(z.string()),
});
export type CozyGenAliasesFile = z.infer<typeof cozyGenAliasesFileSchema>;

const currentShapeSchema = z.looseObject({
  items: z.record(z.string(), z.unknown()),
  categories: z.record(z.string(), z.unknown()).optional(),
  categoryList: z.array(z.unknown()).optional(),
});
const legacyShapeSchema = z.record(z.string(), z.unknown());

export interface PortableAlias {
  category: string | null;
  name: string;
  text: string;
}

/** Something dropped or overridden during import, shown to the user after import. */
export interface AliasFileNotice {
  key: string;
  problem: 'blank-key' | 'not-a-string' | 'blank-text' | 'category-mismatch' | 'duplicate' | 'invalid';
  message: string;
}

export interface NormalisedAliasesFile {
  aliases: PortableAlias[];
  /** The categories in the order they should be listed, used or not. */
  categoryList: string[];
  notices: AliasFileNotice[];
}

export type AliasesFileImport = { ok: true; value: NormalisedAliasesFile } | { ok: false; errors: FieldError[] };

export interface AliasesFileOptions {
  /** `reject` (default): any invalid name fails the import; `skip`: such aliases are left out, with a notice. */
  onInvalid?: 'reject' | 'skip';
}

interface RawFile {
  items: Record<string, unknown>;
  categories: Record<string, unknown>;
  categoryList: unknown[];
}

function readShape(data: unknown): RawFile | undefined {
  const current = currentShapeSchema.safeParse(data);
  if (current.success) return { items: current.data.items, categories: current.data.categories ?? {}, categoryList: current.data.categoryList ?? [] };
  const legacy = legacyShapeSchema.safeParse(data);
  if (!legacy.success) return undefined;
  // A non-string `items` means a broken current-shape file, not a legacy alias named "items".
  if (Object.hasOwn(legacy.data, 'items') && typeof legacy.data.items !== 'string') return undefined;
  return { items: legacy.data, categories: {}, categoryList: [] };
}

/** Collects the file's facts, keeping case-insensitive uniqueness of keys and categories. */
class Collector {
  readonly aliases = new Map<string, PortableAlias>();
  readonly categories = new Map<string, string>();
  readonly notices: AliasFileNotice[] = [];
  readonly invalid: FieldError[] = [];

  note(key: string, problem: AliasFileNotice['problem'], message: string): void {
    this.notices.push({ key, problem, message });
  }

  addCategory(category: string): string {
    const known = this.categories.get(lookupKey(category));
    if (known !== undefined) return known;
    this.categories.set(lookupKey(category), category);
    return category;
  }
}

function readCategoryList(raw: RawFile, into: Collector): void {
  raw.categoryList.forEach((entry, i) => {
    const category = typeof entry === 'string' ? entry.trim() : '';
    if (isValidAliasCategory(category)) into.addCategory(category);
    else into.invalid.push({ field: `categoryList.${i}`, message: `category ${JSON.stringify(entry)} must be 1–64 letters, digits, _ or -` });
  });
}

function problemWith(category: string | null, name: string, text: string): string | undefined {
  if (category !== null && !isValidAliasCategory(category)) return 'category must be 1–64 letters, digits, _ or -';
  if (!isValidAliasName(name, category)) return describeAliasNameRule(category);
  if (text.length > ALIAS_TEXT_MAX_LENGTH) return `text is longer than ${ALIAS_TEXT_MAX_LENGTH} characters`;
  return undefined;
}

function checkDeclaredCategory(key: string, prefix: string | null, declared: unknown, into: Collector): void {
  const stated = typeof declared === 'string' ? declared.trim() : '';
  if (stated === '' || lookupKey(stated) === lookupKey(prefix ?? '')) return;
  const from = prefix === null ? 'an uncategorised key' : `the key's prefix "${prefix}"`;
  into.note(key, 'category-mismatch', `categories says "${stated}"; ${from} wins`);
}

function readItem(rawKey: string, rawText: unknown, raw: RawFile, into: Collector): void {
  const key = rawKey.trim();
  if (key === '') return into.note(rawKey, 'blank-key', 'an alias without a key was skipped');
  if (typeof rawText !== 'string') return into.note(key, 'not-a-string', 'text is not a string; skipped');
  const text = rawText.trim();
  if (text === '') return into.note(key, 'blank-text', 'text is blank; skipped');
  const split = splitAliasKey(key);
  const category = split.category === null ? null : split.category.trim();
  const name = split.name.trim();
  checkDeclaredCategory(key, category, raw.categories[rawKey], into);
  const problem = problemWith(category, name, text);
  if (problem) {
    into.invalid.push({ field: key, message: problem });
    return;
  }
  const stored = formatAliasKey(category, name);
  if (into.aliases.has(lookupKey(stored))) into.note(key, 'duplicate', 'the same key (ignoring case) appears again; the later entry wins');
  into.aliases.set(lookupKey(stored), { category: category === null ? null : into.addCategory(category), name, text });
}

/**
 * Normalises an imported `aliases.json`: the `{items, categories, categoryList}` shape or the
 * legacy flat `{name: text}`. Keys and texts trimmed; keys split at the first `::`; blank and
 * non-string texts skipped; a disagreeing `categories[key]` loses; invalid names reject the whole
 * file (every offending key listed) unless `onInvalid: 'skip'`.
 * @example normaliseAliasesFile({ hat: ' red hat ' }) // ok, one uncategorised alias "red hat"
 */
export function normaliseAliasesFile(data: unknown, options: AliasesFileOptions = {}): AliasesFileImport {
  const raw = readShape(data);
  if (!raw) return { ok: false, errors: [{ field: 'file', message: 'not an aliases file: expected {items, categories, categoryList} or {name: text}' }] };
  const collector = new Collector();
  readCategoryList(raw, collector);
  for (const [rawKey, rawText] of Object.entries(raw.items)) readItem(rawKey, rawText, raw, collector);
  if (collector.invalid.length > 0 && options.onInvalid !== 'skip') return { ok: false, errors: collector.invalid };
  for (const invalid of collector.invalid) collector.note(invalid.field, 'invalid', `${invalid.message}; skipped`);
  const aliases = [...collector.aliases.values()];
  const categoryList = [...collector.categories.values()];
  const limits: FieldError[] = [];
  if (aliases.length > MAX_ALIASES_PER_USER) limits.push({ field: 'items', message: `${aliases.length} aliases; at most ${MAX_ALIASES_PER_USER}` });
  if (categoryList.length > MAX_CATEGORIES_PER_USER) limits.push({ field: 'categoryList', message: `${categoryList.length} categories; at most ${MAX_CATEGORIES_PER_USER}` });
  if (limits.length > 0) return { ok: false, errors: limits };
  return { ok: true, value: { aliases, categoryList, notices: collector.notices } };
}

/**
 * Writes aliases in CozyGen's shape: `categories` maps uncategorised keys to `""`;
 * `categoryList` keeps the user's order, followed by any category in use but missing from it.
 * @example exportAliasesFile([{ category: 'outfit', name: 'coat', text: 'coat' }], ['outfit'])
 */
export function exportAliasesFile(aliases: readonly PortableAlias[], categoryList: readonly string[]): CozyGenAliasesFile {
  const list = [...categoryList];
  const listed = new Set(categoryList.map(lookupKey));
  for (const alias of aliases) {
    if (alias.category && !listed.has(lookupKey(alias.category))) {
      listed.add(lookupKey(alias.category));
      list.push(alias.category);
    }
  }
  // fromEntries defines own properties, so even a name like `__proto__` survives.
  const keyed = aliases.map((alias) => [formatAliasKey(alias.category, alias.name), alias] as const);
  return {
    items: Object.fromEntries(keyed.map(([key, alias]) => [key, alias.text])),
    categories: Object.fromEntries(keyed.map(([key, alias]) => [key, alias.category ?? ''])),
    categoryList: list,
  };
}
