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

/**
 * Replays one run record as fixtures/comfyui-real/README.md describes: open the socket (sending
 * `feature_flags` first if the recording did), wait for the hello, POST the recorded body with this
 * socket's `client_id`, wait for the prompt's last frame, read its history.
 */
export async function replayRun(baseUrl: string, record: RunRecord): Promise<ReplayedRun> {
  const featureFlags = record.ws_messages.some((frame) => frame.direction === 'client->server' && frame.kind === 'text' && frame.json.type === 'feature_flags');
  const socket = await RecordingSocket.open(baseUrl, { featureFlags });
  const observer = record.observer_ws_messages ? await RecordingSocket.open(baseUrl) : undefined;
  try {
    const answer = await postJson(baseUrl, '/prompt', { ...record.request.json, client_id: socket.clientId });
    const promptId = acceptedPromptId(answer);
    await socket.waitForPromptEnd(promptId);
    const observed = record.observer_ws_messages?.length ?? 0;
    if (observer) await observer.waitFor(() => observer.frames.length >= observed, `${observed} observer frames`);
    const history = await getPath(baseUrl, `/history/${promptId}`);
    return { promptId, answer, frames: [...socket.frames], observerFrames: observer ? [...observer.frames] : [], history };
  } finally {
    await socket.close();
    await observer?.close();
  }
}

/** The entry of a `{<id>: entry}` history answer. */
export function historyEntry(answer: { json?: unknown }, promptId: string): unknown {
  return isRecord(answer.json) ? answer.json[promptId] : undefined;
}
