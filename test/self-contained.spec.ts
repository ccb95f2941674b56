import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
// Written in pieces so this file does not match itself.
const STEERING_FOLDER = ['..', 'shared'].join('/');
const OUTSIDE_REFERENCES = [`${STEERING_FOLDER}/`, `/work/${'shared'}`];

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\0').filter((file) => file !== '' && !readFileSync(join(ROOT, file)).includes(0));
}

/** A user's clone has nothing beside it: no tracked file may lean on the steering folder. */
describe('the repository stands alone', () => {
  it('has no tracked file that refers to the folder beside the clone', () => {
    const offenders = trackedTextFiles().filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return OUTSIDE_REFERENCES.some((reference) => text.includes(reference));
    });
    expect(offenders).toEqual([]);
  });

  it('carries the fixtures the tests read', () => {
    expect(readFileSync(join(ROOT, 'test/fixtures/workflows/cozygen/LICENSE-GPL-3.0.txt'), 'utf8')).toContain('GNU GENERAL PUBLIC LICENSE');
  });
});
