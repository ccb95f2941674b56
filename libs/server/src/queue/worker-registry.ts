import type { Redis } from 'ioredis';
import { readFile, readlink } from 'node:fs/promises';
import { z } from 'zod';

/**
 * Enough about a worker's process for another to tell for certain that it is gone: the machine
 * boot and pid namespace it ran in (a pid means the same process only within one), its pid, and
 * when it started (pids are reused).
 */
const identitySchema = z.object({ namespace: z.string(), pid: z.number().int().positive(), startedAt: z.string() });
export type ProcessIdentity = z.infer<typeof identitySchema>;

/** Field 22 of `/proc/<pid>/stat`, the start time in clock ticks since boot; undefined when there is no such process. */
async function startTimeOf(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

async function namespaceOf(pid: number | 'self'): Promise<string | undefined> {
  try {
    const [boot, pidNamespace] = await Promise.all([readFile('/proc/sys/kernel/random/boot_id', 'utf8'), readlink(`/proc/${pid}/ns/pid`)]);
    return `${boot.trim()}/${pidNamespace}`;
  } catch {
    return undefined;
  }
}

/** This process's identity, or undefined where `/proc` cannot tell (not Linux). */
export async function identityOf(pid: number = process.pid): Promise<ProcessIdentity | undefined> {
  const [namespace, startedAt] = await Promise.all([namespaceOf(pid === process.pid ? 'self' : pid), startTimeOf(pid)]);
  return namespace && startedAt ? { namespace, pid, startedAt } : undefined;
}

/**
 * True only when certain: `other` ran where this process can see its pid, and that pid is now no
 * process or another one. A worker on another machine or in another container is never "gone"
 * here; its lock expiring is what frees its jobs.
 */
export async function isGone(other: ProcessIdentity): Promise<boolean> {
  const self = await identityOf();
  if (!self || self.namespace !== other.namespace) return false;
  return (await startTimeOf(other.pid)) !== other.startedAt;
}

/** Each BullMQ worker's process identity under its worker id (the owner part of its lock tokens). */
export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(workerId: string): string {
    return `${this.prefix}:workers:${workerId}`;
  }

  async register(workerId: string, identity: ProcessIdentity, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(workerId), JSON.stringify(identity), 'PX', ttlMs);
  }

  async find(workerId: string): Promise<ProcessIdentity | undefined> {
    const stored = await this.redis.get(this.key(workerId));
    if (stored === null) return undefined;
    try {
      const parsed = identitySchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
