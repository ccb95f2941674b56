import { spawnSync } from 'node:child_process';

/** How long apt-get waits for another apt or dpkg (unattended-upgrades right after a fresh boot) to let go of its lock. */
export const APT_LOCK_TIMEOUT_S = 300;
/** How many of apt's own last lines a failure shows: its reason, not a guess of ours. */
const APT_TAIL_LINES = 6;

/** Where a package gets looked up and installed: this process's PATH and rights, unless a test says otherwise. */
export interface SystemContext {
  readonly env: NodeJS.ProcessEnv;
  readonly isRoot: boolean;
}

const thisProcess = (): SystemContext => ({ env: process.env, isRoot: process.getuid?.() === 0 });

/** Full path of an executable on PATH, or undefined. */
export function whichExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : undefined;
}

export class MissingPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingPackageError';
  }
}

/** Runs apt-get, waiting for its lock; on failure, the last lines it printed (its errors first). */
function aptGet(args: string[], env: NodeJS.ProcessEnv): { ok: true } | { ok: false; tail: string[] } {
  const result = spawnSync('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT_S}`, ...args], {
    env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) return { ok: false, tail: [result.error.message] };
  if (result.status === 0) return { ok: true };
  const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  const errors = lines(result.stderr);
  return { ok: false, tail: (errors.length > 0 ? errors : lines(result.stdout)).slice(-APT_TAIL_LINES) };
}

/**
 * Makes sure a Debian package's executable is on PATH. As root it installs the package with
 * apt-get (waiting for another apt to finish); otherwise it throws with the one command that
 * would install it.
 */
export function ensureDebianExecutable(executable: string, debianPackage: string, log: (line: string) => void, system: SystemContext = thisProcess()): string {
  const found = whichExecutable(executable, system.env);
  if (found) return found;
  if (!system.isRoot) throw new MissingPackageError(`${executable} is not installed; install it with: sudo apt-get install -y ${debianPackage}`);
  log(`${executable} not found: installing ${debianPackage} with apt-get (once; it waits up to ${APT_LOCK_TIMEOUT_S / 60} min for another apt to finish)…`);
  const install = () => aptGet(['install', '-y', '--no-install-recommends', debianPackage], system.env);
  let outcome = install();
  if (!outcome.ok) {
    const update = aptGet(['update'], system.env);
    outcome = update.ok ? install() : update;
  }
  if (!outcome.ok) {
    throw new MissingPackageError(
      [`${executable} is not installed, and apt-get could not install ${debianPackage}:`, ...outcome.tail.map((line) => `  ${line}`), `Once apt works again, run: apt-get install -y ${debianPackage}`].join('\n'),
    );
  }
  const installed = whichExecutable(executable, system.env);
  if (!installed) throw new MissingPackageError(`apt-get installed ${debianPackage}, but ${executable} is still not on PATH`);
  return installed;
}
