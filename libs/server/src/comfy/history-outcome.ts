import { z } from 'zod';
import type { HistoryEntry, NodeOutput } from '@app/shared/comfy/protocol';
import { ComfyExecutionError } from './comfy-errors';
import type { OutputFileRef } from './comfy-http';

/** One file a prompt produced, as `/view` wants it, plus where it came from. */
export interface OutputFile extends OutputFileRef {
  nodeId: string;
  /** The UI output key it was listed under (`images`, `gifs`, …): not its kind — use the extension or `format`. */
  key: string;
  /** VideoHelperSuite's `format`, e.g. `video/h264-mp4`. */
  format?: string;
}

const outputEntrySchema = z.looseObject({
  filename: z.string(),
  subfolder: z.string().optional(),
  type: z.string().optional(),
  format: z.string().optional(),
});

/**
 * The collector rule (COMFYUI.md §6): every entry with a `filename` under any key of any node, in
 * history order; anything else (`animated: [true]`, text) is skipped and `fullpath` is ignored.
 */
export function collectOutputFiles(outputs: Record<string, NodeOutput>): OutputFile[] {
  return Object.entries(outputs).flatMap(([nodeId, output]) =>
    Object.entries(output).flatMap(([key, entries]) =>
      (Array.isArray(entries) ? entries : []).flatMap((entry: unknown) => {
        const parsed = outputEntrySchema.safeParse(entry);
        if (!parsed.success) return [];
        const { filename, subfolder = '', type = 'output', format } = parsed.data;
        return [{ nodeId, key, filename, subfolder, type, ...(format === undefined ? {} : { format }) }];
      }),
    ),
  );
}

interface EndedBase {
  /** Files saved before the end: all of them on success, what finished first otherwise (J-8 keeps them). */
  files: OutputFile[];
  history: HistoryEntry;
}

/** How a prompt ended, decided from its history entry (the ground truth, COMFYUI.md §3). */
export type EndedOutcome =
  | ({ status: 'success' } & EndedBase)
  | ({ status: 'failed'; error: ComfyExecutionError } & EndedBase)
  | ({ status: 'interrupted'; nodeId?: string; nodeType?: string } & EndedBase);

export function outcomeFromHistory(backendUrl: string, history: HistoryEntry): EndedOutcome {
  const files = collectOutputFiles(history.outputs);
  if (history.status.completed) return { status: 'success', files, history };
  const last = history.status.messages.at(-1);
  if (last?.type === 'execution_interrupted') {
    return { status: 'interrupted', nodeId: last.data.node_id, nodeType: last.data.node_type, files, history };
  }
  const error = new ComfyExecutionError(backendUrl, last?.type === 'execution_error' ? last.data : undefined);
  return { status: 'failed', error, files, history };
}

/** When a prompt started and ended by the backend's clock (ms since the epoch), from its history entry. */
export interface PromptTimes {
  startedAt?: number;
  endedAt?: number;
}

/**
 * `status.messages` keep the timestamps of `execution_start` and of the message that ended the prompt
 * (COMFYUI.md §2): the only record of when a prompt ran that nobody was watching.
 */
export function promptTimes(history: HistoryEntry): PromptTimes {
  const times: PromptTimes = {};
  for (const message of history.status.messages) {
    if (message.type === 'execution_start') times.startedAt = message.data.timestamp;
    if (message.type === 'execution_success' || message.type === 'execution_error' || message.type === 'execution_interrupted') times.endedAt = message.data.timestamp;
  }
  return times;
}
