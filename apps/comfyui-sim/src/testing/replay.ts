import { isRecord } from '../validation/prompt-graph';
import { RecordingSocket, type RecordedFrame } from './recording-socket';
import { acceptedPromptId, getPath, postJson, type HttpAnswer } from './sim-http';
import type { RunRecord } from './transcripts';

export interface ReplayedRun {
  promptId: string;
  answer: HttpAnswer;
  frames: RecordedFrame[];
  observerFrames: RecordedFrame[];
  history: HttpAnswer;
}

export interface RunOptions {
  featureFlags?: boolean;
  /** Also open a second socket and wait until it saw this many frames. */
  observerFrames?: number;
}

/**
 * Runs one prompt as the transcripts were recorded: open the socket (sending `feature_flags` first
 * if asked), wait for the hello, POST `body` with this socket's `client_id`, wait for the prompt's
 * last frame (`executing` null), read its history.
 */
export async function runPrompt(baseUrl: string, body: Record<string, unknown>, options: RunOptions = {}): Promise<ReplayedRun> {
  const socket = await RecordingSocket.open(baseUrl, { featureFlags: options.featureFlags });
  const observer = options.observerFrames === undefined ? undefined : await RecordingSocket.open(baseUrl);
  try {
    const answer = await postJson(baseUrl, '/prompt', { ...body, client_id: socket.clientId });
    const promptId = acceptedPromptId(answer);
    await socket.waitForPromptEnd(promptId);
    const observed = options.observerFrames ?? 0;
    if (observer) await observer.waitFor(() => observer.frames.length >= observed, `${observed} observer frames`);
    const history = await getPath(baseUrl, `/history/${promptId}`);
    return { promptId, answer, frames: [...socket.frames], observerFrames: observer ? [...observer.frames] : [], history };
  } finally {
    await socket.close();
    await observer?.close();
  }
}

/** Replays one run record of fixtures/comfyui-real (README "How each prompt was run"). */
export function replayRun(baseUrl: string, record: RunRecord): Promise<ReplayedRun> {
  const featureFlags = record.ws_messages.some((frame) => frame.direction === 'client->server' && frame.kind === 'text' && frame.json.type === 'feature_flags');
  return runPrompt(baseUrl, record.request.json, { featureFlags, observerFrames: record.observer_ws_messages?.length });
}

/** The entry of a `{<id>: entry}` history answer. */
export function historyEntry(answer: { json?: unknown }, promptId: string): unknown {
  return isRecord(answer.json) ? answer.json[promptId] : undefined;
}

/** `outputs[node].images` (or another key) of a history entry, as `{filename, subfolder, type}` items. */
export function outputFiles(entry: unknown, nodeId: string, key = 'images'): { filename: string; subfolder: string; type: string }[] {
  const outputs = isRecord(entry) && isRecord(entry.outputs) ? entry.outputs[nodeId] : undefined;
  const list = isRecord(outputs) && Array.isArray(outputs[key]) ? outputs[key] : [];
  return list.filter(isRecord).map((item) => ({ filename: String(item.filename), subfolder: String(item.subfolder), type: String(item.type) }));
}

/** `status.status_str` of a history entry. */
export function historyStatus(entry: unknown): unknown {
  return isRecord(entry) && isRecord(entry.status) ? entry.status.status_str : undefined;
}
