import { execFileSync, spawnSync } from 'node:child_process';

/** Full path of an executable on PATH, or undefined. */
export function whichExecutable(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : undefined;
}

export class MissingPackageError extends Error {
  constructor(
    readonly executable: string,
    readonly installCommand: string,
  ) {
    super(`${executable} is not installed; install it with: ${installCommand}`);
    this.name = 'MissingPackageError';
  }
}

/**
 * Makes sure a Debian package's executable is on PATH. As root it installs the package with
 * apt-get; otherwise it throws with the one command that would install it.
 */
export function ensureDebianExecutable(executable: string, debianPackage: string, log: (line: string) => void): string {
  const found = whichExecutable(executable);
  if (found) return found;
  const installCommand = `sudo apt-get install -y ${debianPackage}`;
  if (process.getuid?.() !== 0) throw new MissingPackageError(executable, installCommand);
  log(`${executable} not found: installing ${debianPackage} with apt-get (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', debianPackage], { env, stdio: 'ignore' });
  if (install().status !== 0) {
    execFileSync('apt-get', ['update'], { env, stdio: 'ignore' });
    if (install().status !== 0) throw new MissingPackageError(executable, installCommand);
  }
  const installed = whichExecutable(executable);
  if (!installed) throw new MissingPackageError(executable, installCommand);
  return installed;
}
