import { readFixtureJson } from '@test/fixtures';
import { decodeBinaryFrame, parseServerMessage } from '@app/shared/comfy/protocol';
import { PromptDemux, type RoutedEvent } from './prompt-demux';

interface RecordedFrame {
  direction: string;
  kind: 'text' | 'binary';
  json?: unknown;
  event_type?: number;
  image_format_code?: number;
  metadata?: Record<string, unknown>;
  image_magic_hex?: string;
}

/** A binary frame as the server sent it, rebuilt from its record (header, Python-spaced metadata, image head). */
function binaryOf(frame: RecordedFrame): Uint8Array {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(frame.event_type ?? 0, 0);
  const image = Buffer.from(frame.image_magic_hex ?? '', 'hex');
  if (frame.event_type === 1) {
    header.writeUInt32BE(frame.image_format_code ?? 0, 4);
    return Buffer.concat([header, image]);
  }
  const metadata = Buffer.from(
    `{${Object.entries(frame.metadata ?? {})
      .map(([key, value]) => `"${key}": ${JSON.stringify(value)}`)
      .join(', ')}}`,
  );
  header.writeUInt32BE(metadata.length, 4);
  return Buffer.concat([header, metadata, image]);
}

/** Feeds a recorded socket to a fresh demux, as the socket would. */
function replay(frames: RecordedFrame[]): RoutedEvent[] {
  const demux = new PromptDemux();
  return frames
    .filter((frame) => frame.direction === 'server->client')
    .flatMap((frame) => {
      if (frame.kind === 'binary') return [demux.routeBinary(decodeBinaryFrame(binaryOf(frame)))];
      const parsed = parseServerMessage(frame.json);
      if (!parsed.ok) throw new Error(parsed.problem);
      return [demux.route(parsed.message)];
    })
    .filter((routed) => routed !== undefined);
}

function run(file: string, ...path: string[]): { promptId: string; events: RoutedEvent[] } {
  let record: unknown = readFixtureJson(`comfyui-real/${file}`);
  for (const key of path) record = (record as Record<string, unknown>)[key];
  const { ws_messages: frames, response, post_running: postRunning } = record as {
    ws_messages: RecordedFrame[];
    response?: { json: { prompt_id: string } };
    post_running?: { json: { prompt_id: string } };
  };
  const promptId = (response ?? postRunning)?.json.prompt_id ?? '';
  return { promptId, events: replay(frames) };
}

/** Event types with a compact detail, for comparing whole sequences. */
function summary(events: RoutedEvent[]): string[] {
  return events.map(({ event }) => {
    switch (event.type) {
      case 'executing':
        return `executing ${event.nodeId}`;
      case 'progress':
        return `progress ${event.value}/${event.max}`;
      case 'preview':
        return `preview ${event.nodeId ?? '?'} ${event.mimeType}`;
      case 'ending':
        return `ending ${event.how}`;
      case 'cached':
        return `cached [${event.nodeIds.join(',')}]`;
      case 'nodes':
        return `nodes ${event.finished.length} finished`;
      default:
        return event.type;
    }
  });
}

describe('E-6 events routed by prompt_id, from recorded sockets', () => {
  it.each([
    ['01-basic-emptyimage-invert-save.json'],
    ['01b-feature-flags-and-client-prompt-id.json'],
    ['02-identical-resubmit-cached.json'],
    ['06-runtime-execution-error.json'],
    ['09-interrupt-and-queue-delete.json'],
  ])('%s: every routed event belongs to the POSTed prompt and "finished" is last', (file) => {
    const { promptId, events } = run(file);
    expect(events.length).toBeGreaterThan(3);
    expect(new Set(events.map((routed) => routed.promptId))).toEqual(new Set([promptId]));
    expect(events.at(-1)?.event.type).toBe('finished');
  });

  it('a plain socket (obs 08): type-1 previews go to the prompt and node of the progress before them', () => {
    const { promptId, events } = run('08-binary-preview-frames.json', 'legacy_client_no_feature_flags');
    expect(events.every((routed) => routed.promptId === promptId)).toBe(true);
    expect(summary(events)).toEqual([
      'started',
      'cached [1]',
      'nodes 0 finished',
      'executing 2',
      'nodes 0 finished',
      'progress 1/3',
      'preview 2 image/jpeg',
      'nodes 0 finished',
      'progress 2/3',
      'preview 2 image/jpeg',
      'nodes 0 finished',
      'progress 3/3',
      'preview 2 image/jpeg',
      'nodes 1 finished',
      'nodes 1 finished',
      'executing 3',
      'executed',
      'nodes 2 finished',
      'ending success',
      'finished',
    ]);
  });

  it('a flagged socket (obs 08): type-4 previews name their prompt and node', () => {
    const { promptId, events } = run('08-binary-preview-frames.json', 'client_with_supports_preview_metadata');
    const previews = events.filter((routed) => routed.event.type === 'preview');
    expect(previews).toHaveLength(2);
    expect(previews.every((routed) => routed.promptId === promptId)).toBe(true);
    expect(summary(previews)).toEqual(['preview 2 image/jpeg', 'preview 2 image/jpeg']);
  });

  it.each([
    ['06-runtime-execution-error.json', 'ending error'],
    ['09-interrupt-and-queue-delete.json', 'ending interrupted'],
    ['01-basic-emptyimage-invert-save.json', 'ending success'],
  ])('%s ends with "%s" then "finished"', (file, ending) => {
    expect(summary(run(file).events).slice(-2)).toEqual([ending, 'finished']);
  });

  it('an identical resubmit (obs 02) reports every node cached and the old file as executed output', () => {
    const { events } = run('02-identical-resubmit-cached.json');
    expect(summary(events)).toContain('cached [1,2,3]');
    expect(summary(events)).not.toContain('executing 1');
    const executed = events.find((routed) => routed.event.type === 'executed')?.event;
    expect(executed?.type === 'executed' && executed.output).toEqual({
      images: [{ filename: 'capture_invert_00001_.png', subfolder: '', type: 'output' }],
    });
  });
});

describe('type-1 attribution edge cases', () => {
  const jpeg = Uint8Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0xd8, 0xff]);

  function message(json: unknown) {
    const parsed = parseServerMessage(json);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.message;
  }

  it('drops a type-1 frame that follows no progress frame', () => {
    expect(new PromptDemux().routeBinary(decodeBinaryFrame(jpeg))).toBeUndefined();
  });

  it('drops a type-1 frame once its prompt has finished', () => {
    const demux = new PromptDemux();
    demux.route(message({ type: 'progress', data: { value: 1, max: 2, prompt_id: 'a', node: '5' } }));
    demux.route(message({ type: 'executing', data: { node: null, prompt_id: 'a' } }));
    expect(demux.routeBinary(decodeBinaryFrame(jpeg))).toBeUndefined();
  });

  it('follows the latest progress frame when prompts alternate', () => {
    const demux = new PromptDemux();
    demux.route(message({ type: 'progress', data: { value: 1, max: 2, prompt_id: 'a', node: '5' } }));
    demux.route(message({ type: 'progress', data: { value: 1, max: 9, prompt_id: 'b', node: '7' } }));
    expect(demux.routeBinary(decodeBinaryFrame(jpeg))).toMatchObject({ promptId: 'b', event: { type: 'preview', nodeId: '7' } });
  });

  it('ignores the reconnect frame without prompt_id, broadcasts and unknown types', () => {
    const demux = new PromptDemux();
    expect(demux.route(message({ type: 'executing', data: { node: '4' } }))).toBeUndefined();
    expect(demux.route(message({ type: 'status', data: { status: { exec_info: { queue_remaining: 1 } } } }))).toBeUndefined();
    expect(demux.route(message({ type: 'cozygen_batch_ready', data: {} }))).toBeUndefined();
  });
});
