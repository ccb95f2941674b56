import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { fixturePath } from '@test/fixtures';
import { startSim, type RunningSim } from '../index';
import { pngChunkNames, readPngTexts } from '../media/png';
import { isRecord } from '../validation/prompt-graph';
import { actualFrameTypes, expectedFrameTypes, frameDifferences, historyDifferences, httpDifferences, type RunCheck } from '../testing/compare-run';
import { shapeDifferences } from '../testing/compare-shape';
import { historyEntry, replayRun, type ReplayedRun } from '../testing/replay';
import { getPath, postJson, request, upload, type HttpAnswer } from '../testing/sim-http';
import { httpRecord, readTranscript, runRecord, type RunRecord } from '../testing/transcripts';


jest.setTimeout(60_000);

/**
 * Replays server A's transcripts (00, 03, 01, 02, 01b, 04, 05, 06, 07, in the order they were
 * recorded) against one fresh stand-in with the stock catalogue (COMFYUI.md §9).
 */
describe('E-2 E-5 E-6 ComfyUI 0.8.0 conformance, server A', () => {
  let sim: RunningSim;
  const numbers = new Map<string, number>();

  beforeAll(async () => {
    sim = await startSim({ customNodes: false, stepMs: 1 });
  });
  afterAll(() => sim.stop());

  /** Replays a run and checks everything the README lists; returns it for transcript-specific checks. */
  async function replayAndCheck(name: string, record: RunRecord, check: Omit<RunCheck, 'promptId'> = {}): Promise<ReplayedRun> {
    const run = await replayRun(sim.url, record);
    const runCheck = { ...check, promptId: run.promptId };
    expect(httpDifferences(record.response, run.answer)).toEqual([]);
    expect(actualFrameTypes(run.frames)).toEqual(expectedFrameTypes(record.ws_messages));
    expect(frameDifferences(record.ws_messages, run.frames, runCheck)).toEqual([]);
    expect(run.frames[0]).toMatchObject({ kind: 'text', type: 'status', data: { sid: expect.any(String) } });
    expect(httpDifferences({ ...record.history, json: undefined }, run.history)).toEqual([]);
    const recordedId = isRecord(record.response.json) ? String(record.response.json.prompt_id) : '';
    expect(historyDifferences(historyEntry(record.history, recordedId), historyEntry(run.history, run.promptId), runCheck)).toEqual([]);
    if (isRecord(run.answer.json) && typeof run.answer.json.number === 'number') numbers.set(name, run.answer.json.number);
    return run;
  }

  function outputFiles(): Promise<string[]> {
    return readdir(join(sim.dataDir, 'output'), { recursive: true }).then((names) => names.map(String).sort());
  }

  describe('00 misc endpoints on a fresh server', () => {
    const transcript = readTranscript('00-misc-endpoints-before.json');
    it.each(['/queue', '/prompt', '/history?max_items=1', '/features', '/embeddings', '/object_info/DoesNotExist'])('%s answers exactly as captured', async (path) => {
      expect(httpDifferences(httpRecord(transcript[path]), await getPath(sim.url, path), { exactJson: true })).toEqual([]);
    });

    it('/system_stats has the captured keys and value kinds', async () => {
      const record = httpRecord(transcript['/system_stats']);
      const answer = await getPath(sim.url, '/system_stats');
      expect(httpDifferences({ ...record, json: undefined }, answer)).toEqual([]);
      expect(shapeDifferences(record.json, answer.json, { ignore: ['system.argv'] })).toEqual([]);
      expect(isRecord(answer.json) && isRecord(answer.json.system) && answer.json.system.comfyui_version).toBe('0.8.0');
    });

    it('/api/object_info/EmptyImage equals /object_info/EmptyImage and the capture', async () => {
      const bare = await getPath(sim.url, '/object_info/EmptyImage');
      const prefixed = await getPath(sim.url, '/api/object_info/EmptyImage');
      expect(prefixed.json).toEqual(bare.json);
      expect(httpDifferences(httpRecord(transcript['/api/object_info/EmptyImage']), prefixed, { exactJson: true })).toEqual([]);
    });
  });

  describe('03 object_info', () => {
    const transcript = readTranscript('03-object-info.json');
    it.each(['EmptyImage', 'ImageInvert', 'SaveImage', 'LoadImage', 'PreviewImage'])('%s equals the capture', async (classType) => {
      expect(httpDifferences(httpRecord(transcript[classType]), await getPath(sim.url, `/object_info/${classType}`), { exactJson: true })).toEqual([]);
    });

    it('serves the whole catalogue as one object', async () => {
      const answer = await getPath(sim.url, '/object_info');
      expect(answer.status).toBe(200);
      expect(isRecord(answer.json) && Object.keys(answer.json).length).toBe(445);
    });
  });

  describe('01 EmptyImage → ImageInvert → SaveImage', () => {
    const transcript = readTranscript('01-basic-emptyimage-invert-save.json');
    const record = runRecord(transcript);
    let run: ReplayedRun;

    it('replays with the captured frames, history and observer frames', async () => {
      run = await replayAndCheck('01', record);
      const observed = run.observerFrames.map((frame) => (frame.kind === 'text' && frame.type === 'status' ? frame.data.status : frame));
      expect(observed).toEqual([0, 1, 1, 0].map((remaining) => ({ exec_info: { queue_remaining: remaining } })));
    });

    it('serves the PNG: RGB 64×48, cyan, prompt text chunk before IDAT holding the graph', async () => {
      const view = httpRecord(transcript.view);
      const answer = await getPath(sim.url, '/view?filename=capture_invert_00001_.png&subfolder=&type=output');
      expect(httpDifferences(view, answer)).toEqual([]);
      expect(answer.headers.get('content-disposition')).toBe('filename="capture_invert_00001_.png"');
      const { data, info } = await sharp(answer.body).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([...(view.decoded?.size ?? []), 3]);
      expect(new Set(Array.from({ length: data.length / 3 }, (_, pixel) => data.subarray(pixel * 3, pixel * 3 + 3).join(',')))).toEqual(new Set([view.decoded?.pixel_0_0.join(',')]));
      const sample = await readFile(fixturePath('comfyui-real/01-output-sample.png'));
      expect(collapseIdat(pngChunkNames(answer.body))).toEqual(collapseIdat(pngChunkNames(sample)));
      expect(answer.body.readUInt8(24)).toBe(8);
      expect(answer.body.readUInt8(25)).toBe(2);
      const texts = readPngTexts(answer.body);
      expect(texts.map(([key]) => key)).toEqual(view.decoded?.png_text_chunk_keys);
      expect(JSON.parse(texts[0]?.[1] ?? 'null')).toEqual(view.decoded?.png_text_prompt_json);
    });

    it.each([
      ['view_missing_file', '/view?filename=nope_00001_.png&type=output'],
      ['view_preview_webp', '/view?filename=capture_invert_00001_.png&type=output&preview=webp;50'],
      ['view_channel_a', '/view?filename=capture_invert_00001_.png&type=output&channel=a'],
    ])('%s answers like the capture', async (name, path) => {
      expect(httpDifferences(httpRecord(transcript[name]), await getPath(sim.url, path))).toEqual([]);
    });
  });

  describe('02 identical resubmit', () => {
    it('is served from cache: previous filename, no new file', async () => {
      const before = await outputFiles();
      await replayAndCheck('02', runRecord(readTranscript('02-identical-resubmit-cached.json')));
      expect(await outputFiles()).toEqual(before);
    });
  });

  describe('01b feature flags and a client prompt id', () => {
    it('replies to feature_flags, echoes the prompt id, keeps extra_pnginfo', async () => {
      const record = runRecord(readTranscript('01b-feature-flags-and-client-prompt-id.json'));
      const run = await replayAndCheck('01b', record);
      expect(run.promptId).toBe(record.request.json.prompt_id);
      const file = await readFile(join(sim.dataDir, 'output', 'capture_ff_00001_.png'));
      expect(readPngTexts(file).map(([key]) => key)).toEqual(['prompt', 'workflow']);
    });
  });

  describe('04 uploads and LoadImage', () => {
    const transcript = readTranscript('04-upload-and-loadimage.json');
    const uploads = isRecord(transcript.uploads) ? transcript.uploads : {};
    const png = (blue: number): Promise<Buffer> => sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 10, g: 200, b: blue } } }).png().toBuffer();

    it('answers the captured uploads in order', async () => {
      const answers: HttpAnswer[] = [
        await upload(sim.url, { name: 'worker_test.png', bytes: await png(30) }, { type: 'input' }),
        await upload(sim.url, { name: 'worker_test.png', bytes: await png(31) }, { type: 'input' }),
        await upload(sim.url, { name: 'worker_test.png', bytes: await png(32) }, { type: 'input', overwrite: 'true' }),
        await upload(sim.url, { name: 'sub_test.png', bytes: await png(30) }, { subfolder: 'jobs/abc' }),
        await upload(sim.url, { name: 'x.png', bytes: await png(30) }, {}, 'notimage'),
        await getPath(sim.url, '/view?filename=worker_test.png&type=input'),
      ];
      const names = ['upload_0', 'upload_1', 'upload_2', 'upload_subfolder', 'upload_missing_field', 'view_uploaded_input'];
      const differences = answers.flatMap((answer, index) => {
        const name = names[index] ?? '';
        return httpDifferences(httpRecord(uploads[name]), answer, { exactJson: true }).map((problem) => `${name}: ${problem}`);
      });
      expect(differences).toEqual([]);
    });

    it('lists the uploaded top-level files as LoadImage choices', async () => {
      const answer = await getPath(sim.url, '/object_info/LoadImage');
      expect(shapeDifferences({ LoadImage: { input: { required: { image: [['worker_test (1).png', 'worker_test.png'], { image_upload: true }] } } } }, answer.json, { exactAll: true, ignore: ['LoadImage.input_order', 'LoadImage.output', 'LoadImage.output_is_list', 'LoadImage.output_name', 'LoadImage.name', 'LoadImage.display_name', 'LoadImage.description', 'LoadImage.python_module', 'LoadImage.category', 'LoadImage.output_node'] })).toEqual([]);
    });

    it('runs LoadImage → ImageInvert → SaveImage', async () => {
      await replayAndCheck('04a', runRecord(transcript.loadimage_invert_save));
    });

    it('runs LoadImage from a subfolder → PreviewImage into temp/, PNG prompt carrying is_changed', async () => {
      const pattern = /^ComfyUI_temp_[a-z]{5}_00001_\.png$/;
      const run = await replayAndCheck('04b', runRecord(transcript.loadimage_subfolder_preview), { filenames: pattern });
      const entry = historyEntry(run.history, run.promptId);
      const image = isRecord(entry) && isRecord(entry.outputs) && isRecord(entry.outputs['12']) && Array.isArray(entry.outputs['12'].images) ? entry.outputs['12'].images[0] : undefined;
      const filename = isRecord(image) ? String(image.filename) : '';
      const answer = await getPath(sim.url, `/view?filename=${filename}&subfolder=&type=temp`);
      const viewTemp = httpRecord(isRecord(transcript.loadimage_subfolder_preview) ? transcript.loadimage_subfolder_preview.view_temp : undefined);
      expect(httpDifferences(viewTemp, answer)).toEqual([]);
      const { data, info } = await sharp(answer.body).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels, ...data.subarray(0, 3)]).toEqual([8, 6, 3, ...(viewTemp.decoded?.pixel_0_0 ?? [])]);
      const prompt: unknown = JSON.parse(readPngTexts(answer.body)[0]?.[1] ?? 'null');
      const stored = await readFile(join(sim.dataDir, 'input', 'jobs', 'abc', 'sub_test.png'));
      expect(prompt).toEqual({ ...viewTemp.decoded?.png_text_prompt_json, '10': { class_type: 'LoadImage', inputs: { image: 'jobs/abc/sub_test.png' }, is_changed: [createHash('sha256').update(stored).digest('hex')] } });
      expect(JSON.stringify(historyEntry(run.history, run.promptId))).not.toContain('is_changed');
    });
  });

  describe('05 invalid prompts', () => {
    const transcript = readTranscript('05-invalid-prompts.json');
    const rejected = Object.entries(transcript).filter(([, value]) => isRecord(value) && ('request_prompt' in value || 'request_body' in value));

    it.each(rejected)('%s gets the captured 400', async (_name, value) => {
      const record = isRecord(value) ? value : {};
      const body = 'request_body' in record ? record.request_body : { prompt: record.request_prompt, client_id: 'invalid-tester' };
      const answer = await postJson(sim.url, '/prompt', body);
      const expected = httpRecord(record.response);
      expect(httpDifferences({ ...expected, json: undefined }, answer)).toEqual([]);
      expect(shapeDifferences(expected.json, answer.json, { exactAll: true, ignore: ['node_errors.*.errors.*.extra_info.traceback'] })).toEqual([]);
    });

    it('a body that is not JSON gets 500 text/plain', async () => {
      const answer = await request(sim.url, '/prompt', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
      expect(httpDifferences(httpRecord(isRecord(transcript.malformed_json_body) ? transcript.malformed_json_body.response : undefined), answer)).toEqual([]);
    });

    it('a partly invalid graph runs its valid output, numbered after the ten rejected posts', async () => {
      const record = runRecord(transcript.mixed_valid_and_invalid_outputs);
      const run = await replayAndCheck('05', record);
      expect(isRecord(run.answer.json) && run.answer.json.node_errors).toEqual(isRecord(record.response.json) && record.response.json.node_errors);
      expect((numbers.get('05') ?? 0) - (numbers.get('04b') ?? 0)).toBe(11);
    });
  });

  describe('06 runtime execution error', () => {
    const transcript = readTranscript('06-runtime-execution-error.json');

    it('accepts a corrupt file upload, then fails LoadImage at run time like PIL', async () => {
      const answer = await upload(sim.url, { name: 'corrupt.png', bytes: Buffer.from('this is not a png') }, { overwrite: 'true' });
      expect(httpDifferences(httpRecord(transcript.upload_of_corrupt_file), answer, { exactJson: true })).toEqual([]);
      const run = await replayAndCheck('06', runRecord(transcript));
      const error = run.frames.find((frame) => frame.kind === 'text' && frame.type === 'execution_error');
      expect(error?.kind === 'text' && error.data).toMatchObject({ node_id: '30', node_type: 'LoadImage', exception_type: 'PIL.UnidentifiedImageError', current_inputs: { image: ['corrupt.png'] } });
    });
  });

  describe('07 misc endpoints after the runs', () => {
    const transcript = readTranscript('07-misc-endpoints-after.json');

    it('answers queue, unknown history, idle interrupt, unknown delete and prompt as captured', async () => {
      const answers: [string, Promise<HttpAnswer>][] = [
        ['queue_after', getPath(sim.url, '/queue')],
        ['history_unknown_id', getPath(sim.url, '/history/00000000-0000-0000-0000-000000000000')],
        ['interrupt_idle', postJson(sim.url, '/interrupt', {})],
        ['queue_delete_unknown', postJson(sim.url, '/queue', { delete: ['nope'] })],
        ['prompt_get', getPath(sim.url, '/prompt')],
      ];
      for (const [name, answer] of answers) expect(httpDifferences(httpRecord(transcript[name]), await answer, { exactJson: true })).toEqual([]);
    });

    it('lists the two newest history entries oldest first', async () => {
      const record = httpRecord(transcript.history_max_items_2);
      const answer = await getPath(sim.url, '/history?max_items=2');
      expect(httpDifferences({ ...record, json: undefined }, answer)).toEqual([]);
      const expected = isRecord(record.json) ? Object.values(record.json) : [];
      const actual = isRecord(answer.json) ? Object.values(answer.json) : [];
      expect(actual).toHaveLength(2);
      expected.forEach((entry, index) => expect(historyDifferences(entry, actual[index], { promptId: '' })).toEqual([]));
    });
  });
});

/** IDAT may be split differently by two encoders: compare the chunk sequence with runs collapsed. */
function collapseIdat(names: string[]): string[] {
  return names.filter((name, index) => name !== 'IDAT' || names[index - 1] !== 'IDAT');
}
