import { readFixtureJson } from '@test/fixtures';
import { historySchema, type HistoryEntry } from '@app/shared/comfy/protocol';
import { trimExceptionMessage } from './comfy-errors';
import { collectOutputFiles, outcomeFromHistory, promptTimes } from './history-outcome';

/** The history entry at `path` (default `history.json`) of a transcript. */
function historyOf(file: string, ...path: string[]): HistoryEntry {
  let record: unknown = readFixtureJson(`comfyui-real/${file}`);
  for (const key of [...(path.length > 0 ? path : ['history']), 'json']) record = (record as Record<string, unknown>)[key];
  const [entry] = Object.values(historySchema.parse(record));
  if (!entry) throw new Error(`no history entry in ${file}`);
  return entry;
}

describe('collector rule (COMFYUI.md §6)', () => {
  it('takes the SaveImage file of a real history entry', () => {
    expect(collectOutputFiles(historyOf('01-basic-emptyimage-invert-save.json').outputs)).toEqual([
      { nodeId: '3', key: 'images', filename: 'capture_invert_00001_.png', subfolder: '', type: 'output' },
    ]);
  });

  it('takes the temp file of a PreviewImage', () => {
    const [file] = collectOutputFiles(historyOf('04-upload-and-loadimage.json', 'loadimage_subfolder_preview', 'history').outputs);
    expect(file?.type).toBe('temp');
    expect(file?.filename).toMatch(/^ComfyUI_temp_[a-z]{5}_00001_\.png$/);
  });

  it.each([
    [
      'SaveVideo under images with animated',
      { '9': { images: [{ filename: 'out_00001_.mp4', subfolder: 'cg/j1', type: 'output' }], animated: [true] } },
      [{ nodeId: '9', key: 'images', filename: 'out_00001_.mp4', subfolder: 'cg/j1', type: 'output' }],
    ],
    [
      'VHS gifs with format and a server fullpath',
      {
        '12': {
          gifs: [
            { filename: 'v_00001.mp4', subfolder: '', type: 'output', format: 'video/h264-mp4', frame_rate: 16, workflow: 'v.png', fullpath: '/srv/out/v.mp4' },
          ],
        },
      },
      [{ nodeId: '12', key: 'gifs', filename: 'v_00001.mp4', subfolder: '', type: 'output', format: 'video/h264-mp4' }],
    ],
    ['text outputs and oddities', { '5': { text: ['hello'], images: [null, 3, { name: 'x' }], extra: { filename: 'not-a-list.png' } } }, []],
    [
      'several nodes, batch order kept, defaults for missing fields',
      { '3': { images: [{ filename: 'a_00001_.png' }, { filename: 'a_00002_.png' }] }, '7': { videos: [{ filename: 'b.webm', subfolder: 's' }] } },
      [
        { nodeId: '3', key: 'images', filename: 'a_00001_.png', subfolder: '', type: 'output' },
        { nodeId: '3', key: 'images', filename: 'a_00002_.png', subfolder: '', type: 'output' },
        { nodeId: '7', key: 'videos', filename: 'b.webm', subfolder: 's', type: 'output' },
      ],
    ],
  ])('%s', (_, outputs, expected) => {
    expect(collectOutputFiles(outputs)).toEqual(expected);
  });
});

describe('J-10 outcome from history', () => {
  it('success carries the files', () => {
    const outcome = outcomeFromHistory('http://b', historyOf('01-basic-emptyimage-invert-save.json'));
    expect(outcome.status).toBe('success');
    expect(outcome.files.map((file) => file.filename)).toEqual(['capture_invert_00001_.png']);
  });

  it('a runtime error names node, exception type and a trimmed message', () => {
    const outcome = outcomeFromHistory('http://b', historyOf('06-runtime-execution-error.json'));
    if (outcome.status !== 'failed') throw new Error(`expected failed, got ${outcome.status}`);
    expect(outcome.error.kind).toBe('user');
    expect([outcome.error.nodeId, outcome.error.nodeType, outcome.error.exceptionType, outcome.error.message]).toEqual([
      '30',
      'LoadImage',
      'PIL.UnidentifiedImageError',
      "cannot identify image file 'corrupt.png'",
    ]);
  });

  it('an interrupt names the node that was stopped', () => {
    const outcome = outcomeFromHistory('http://b', historyOf('09-interrupt-and-queue-delete.json', 'history_interrupted'));
    expect(outcome).toMatchObject({ status: 'interrupted', nodeId: '2', nodeType: 'CaptureProgressPreview', files: [] });
  });

  it('an error without details still fails', () => {
    const entry = historyOf('06-runtime-execution-error.json');
    const outcome = outcomeFromHistory('http://b', { ...entry, status: { ...entry.status, messages: [] } });
    expect(outcome.status === 'failed' && outcome.error.nodeId).toBeUndefined();
  });
});

describe('J-10 trimmed exception messages', () => {
  it.each([
    ["cannot identify image file '<base>/input/corrupt.png'\n", "cannot identify image file 'corrupt.png'"],
    ['No such file: /srv/comfy/models/checkpoints/x.safetensors', 'No such file: x.safetensors'],
    ['C:\\ComfyUI\\input\\x.png is broken', 'x.png is broken'],
    ['input/output mismatch', 'input/output mismatch'],
    ['Allocation on device 0 would exceed allowed memory. (out of memory)', 'Allocation on device 0 would exceed allowed memory. (out of memory)'],
  ])('%j → %j', (message, expected) => {
    expect(trimExceptionMessage(message)).toBe(expected);
  });

  it('cuts over-long messages', () => {
    expect(trimExceptionMessage('x'.repeat(1000), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('prompt times from history (a prompt nobody watched)', () => {
  it.each([
    ['success', historyOf('01-basic-emptyimage-invert-save.json'), { startedAt: 1795511365468, endedAt: 1795511365498 }],
    ['error', historyOf('06-runtime-execution-error.json'), { startedAt: 1795511371602, endedAt: 1795511371604 }],
    ['interrupt', historyOf('09-interrupt-and-queue-delete.json', 'history_interrupted'), { startedAt: 1795511447344, endedAt: 1795511447646 }],
  ])('%s: execution_start and the message that ended it', (_, entry, times) => {
    expect(promptTimes(entry)).toEqual(times);
  });
});
