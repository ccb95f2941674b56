import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The steering repository's real inputs (../shared/fixtures). Tests only: the product never reads it. */
export const FIXTURES_DIR = resolve(__dirname, '../../shared/fixtures');

export function fixturePath(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

export function readFixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

/** Parsed JSON as `unknown`: tests narrow it like any other external data. */
export function readFixtureJson(relative: string): unknown {
  return JSON.parse(readFixtureText(relative)) as unknown;
}
