import { readdirSync, readFileSync } from 'node:fs';

/** A process of the stack as /proc shows it: its id and environment. */
export interface StackProcess {
  pid: number;
  env: Record<string, string>;
}

function readProc(pid: string, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
}

/**
 * The process running `script` (a compiled entry point, such as `apps/api/src/main.js`) with
 * `PORT=<port>` in its environment: one stack's api among every stack on the machine.
 */
export function findStackProcess(script: string, port: number): StackProcess | undefined {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (!readProc(pid, 'cmdline')?.split('\0').some((arg) => arg.endsWith(script))) continue;
    const env = Object.fromEntries((readProc(pid, 'environ') ?? '').split('\0').flatMap((pair) => (pair.includes('=') ? [[pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]] : [])));
    if (env.PORT === String(port)) return { pid: Number(pid), env };
  }
  return undefined;
}
