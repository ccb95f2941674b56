import { appendFileSync } from 'node:fs';
import { z } from 'zod';

export const executionLogEntrySchema = z.object({
  /** Unix ms. */
  at: z.number(),
  /** One server lifetime: a restart (or a new process) starts another. */
  boot: z.string(),
  promptId: z.string(),
  event: z.enum(['start', 'success', 'error', 'interrupted']),
});
export type ExecutionLogEntry = z.infer<typeof executionLogEntrySchema>;

/**
 * Which prompts this stand-in executed, one JSON line per start and end, appended synchronously so
 * the record survives the process being killed: a crash test counts executions per prompt id
 * across restarts, which the server's own history (lost on restart) cannot tell.
 */
export class ExecutionLog {
  constructor(private readonly file: string) {}

  write(entry: ExecutionLogEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}

/**
 * Parses a log's text; a line cut short by a kill mid-write is skipped.
 * @example parseExecutionLog('{"at":1,"boot":"a","promptId":"p","event":"start"}\n')
 */
export function parseExecutionLog(text: string): ExecutionLogEntry[] {
  return text.split('\n').flatMap((line) => {
    if (!line) return [];
    try {
      const entry = executionLogEntrySchema.safeParse(JSON.parse(line));
      return entry.success ? [entry.data] : [];
    } catch {
      return [];
    }
  });
}
