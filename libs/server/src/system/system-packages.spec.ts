import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APT_LOCK_TIMEOUT_S, MissingPackageError, ensureDebianExecutable } from './system-packages';

const LOCK_ERRORS = [
  'E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (unattended-upgr)',
  'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?',
];

/**
 * A stand-in `apt-get` first on PATH (apt's lock is the one thing a test cannot stage for
 * real): it records its arguments, then either reports a held lock or "installs" the tool.
 */
function fakeApt(dir: string, behaviour: 'locked' | 'installs'): void {
  const script =
    behaviour === 'locked'
      ? `echo "Reading package lists..."\n${LOCK_ERRORS.map((line) => `echo "${line}" >&2`).join('\n')}\nexit 100`
      : `case "$*" in *install*) printf '#!/bin/sh\\n' > "${dir}/cozy-fake-tool"; chmod +x "${dir}/cozy-fake-tool";; esac\nexit 0`;
  writeFileSync(join(dir, 'apt-get'), `#!/bin/sh\necho "$*" >> "${dir}/calls"\n${script}\n`);
  chmodSync(join(dir, 'apt-get'), 0o755);
}

describe('ensureDebianExecutable', () => {
  let dir: string;
  const system = (isRoot: boolean) => ({ env: { PATH: `${dir}:/usr/bin:/bin` }, isRoot });
  const calls = () => (existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n') : []);
  const ensure = (isRoot: boolean) => ensureDebianExecutable('cozy-fake-tool', 'cozy-fake-pkg', () => undefined, system(isRoot));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-apt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('as root, waits for the apt lock and shows apt’s own last lines when it is still held, with no sudo advice', () => {
    fakeApt(dir, 'locked');
    let error: unknown;
    try {
      ensure(true);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MissingPackageError);
    const message = (error as Error).message;
    for (const line of LOCK_ERRORS) expect(message).toContain(line);
    expect(message).toContain('apt-get install -y cozy-fake-pkg');
    expect(message).not.toMatch(/sudo/);
    expect(calls().length).toBeGreaterThan(0);
    for (const call of calls()) expect(call).toContain(`-o DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_S}`);
  });

  it('as root, installs the package with the lock wait and returns the executable', () => {
    fakeApt(dir, 'installs');
    expect(ensure(true)).toBe(join(dir, 'cozy-fake-tool'));
    expect(calls()).toEqual([`-o DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_S} install -y --no-install-recommends cozy-fake-pkg`]);
  });

  it('as another user, names the sudo command and leaves apt alone', () => {
    fakeApt(dir, 'installs');
    expect(() => ensure(false)).toThrow(new MissingPackageError('cozy-fake-tool is not installed; install it with: sudo apt-get install -y cozy-fake-pkg'));
    expect(calls()).toEqual([]);
  });
});
