import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Real inputs for tests (test/fixtures, see its README for provenance and licences). The product never reads them. */
export const FIXTURES_DIR = resolve(__dirname, 'fixtures');

/**
 * Fixtures the product itself ships, read from where it ships them rather than kept twice:
 * the stand-in's node catalogue and the shipped danbooru tag list.
 */
const SHIPPED_COPIES: Readonly<Record<string, string>> = {
  'object-info-full.json': resolve(__dirname, '../apps/comfyui-sim/data/object-info-full.json'),
  'tags/danbooru.csv': resolve(__dirname, '../libs/server/src/tags/data/danbooru.csv'),
};

export function fixturePath(relative: string): string {
  return SHIPPED_COPIES[relative] ?? join(FIXTURES_DIR, relative);
}

export function readFixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** Parsed JSON as `unknown`: tests narrow it like any other external data. */
export function readFixtureJson(relative: string): unknown {
  return JSON.parse(readFixtureText(relative)) as unknown;
}
