import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  /** Arguments as the process shows them (`/proc/<pid>/cmdline`; redis-server rewrites its own). */
  args: string[];
}

function readProc(pid: string, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The parent pid from `/proc/<pid>/stat` (the command name in parentheses may hold spaces). */
function parentOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/**
 * The live children of `parent`, read from /proc like `ps --ppid` (this kernel has no
 * `/proc/<pid>/task/<tid>/children`). Zombies (exited, not yet reaped) are left out.
 */
export function childrenOf(parent: number): ProcessInfo[] {
  const children: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    if (!stat || parentOf(stat) !== parent || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
    const cmdline = readProc(entry, 'cmdline');
    if (cmdline) children.push({ pid: Number(entry), args: cmdline.split('\0').filter(Boolean) });
  }
  return children;
}

/** The one child of `parent` whose command line satisfies `matches`, if it is running. */
export function findChild(parent: number, matches: (args: readonly string[]) => boolean): ProcessInfo | undefined {
  return childrenOf(parent).find((child) => matches(child.args));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
