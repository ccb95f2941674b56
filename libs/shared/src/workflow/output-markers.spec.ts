import type { ApiGraph, InputValue } from './api-graph';
import { replaceOutputMarkers } from './output-markers';

type Settings = Record<string, InputValue>;

function videoGraph(settings: Settings): ApiGraph {
  return {
    '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 4, color: 0 } },
    '7': { class_type: 'CozyGenVideoOutput', inputs: { images: ['1', 0], filename_prefix: 'CozyGen/video', ...settings }, _meta: { title: 'Video' } },
  };
}

describe('W-20 step 4 output markers become core savers', () => {
  it('CozyGenOutput → SaveImage with the same id and inputs', () => {
    const result = replaceOutputMarkers({ '3': { class_type: 'CozyGenOutput', inputs: { filename_prefix: 'CozyGen/min-int', images: ['2', 0] }, _meta: { title: 'CozyGen Output' } } });
    expect(result).toEqual({ ok: true, graph: { '3': { class_type: 'SaveImage', inputs: { images: ['2', 0], filename_prefix: 'CozyGen/min-int' }, _meta: { title: 'CozyGen Output' } } }, postprocess: [] });
  });

  it('webm (the default) → SaveWEBM vp9, fps = frame_rate, crf 32', () => {
    const result = replaceOutputMarkers(videoGraph({ frame_rate: 12 }));
    expect(result.ok && result.graph['7']).toEqual({ class_type: 'SaveWEBM', inputs: { images: ['1', 0], filename_prefix: 'CozyGen/video', codec: 'vp9', fps: 12, crf: 32 }, _meta: { title: 'Video' } });
    expect(result.ok && result.postprocess).toEqual([]);
  });

  it('mp4 → CreateVideo (new id) + SaveVideo (same id)', () => {
    const result = replaceOutputMarkers(videoGraph({ format: 'video/mp4', frame_rate: 16 }));
    expect(result.ok && result.graph).toEqual({
      '1': { class_type: 'EmptyImage', inputs: { width: 8, height: 8, batch_size: 4, color: 0 } },
      '7': { class_type: 'SaveVideo', inputs: { video: ['8', 0], filename_prefix: 'CozyGen/video', format: 'mp4', codec: 'h264' }, _meta: { title: 'Video' } },
      '8': { class_type: 'CreateVideo', inputs: { images: ['1', 0], fps: 16 }, _meta: { title: 'Create Video' } },
    });
  });

  it.each([
    [{ format: 'image/gif' }, { nodeId: '7', format: 'image/gif', frameRate: 8, loopCount: 0, pingpong: false }],
    [{ pingpong: true, frame_rate: 24 }, { nodeId: '7', format: 'video/webm', frameRate: 24, loopCount: 0, pingpong: true }],
    [{ format: 'video/mp4', loop_count: 3 }, { nodeId: '7', format: 'video/mp4', frameRate: 8, loopCount: 3, pingpong: false }],
  ])('%j → postprocess at ingest', (settings, postprocess) => {
    const result = replaceOutputMarkers(videoGraph(settings));
    expect(result.ok && result.postprocess).toEqual([postprocess]);
  });

  it.each<[Settings, string]>([
    [{ frame_rate: 30 }, 'CozyGenVideoOutput 7: frame_rate must be a number from 1 to 24'],
    [{ loop_count: 1.5 }, 'CozyGenVideoOutput 7: loop_count must be an integer from 0 to 100'],
    [{ format: 'video/h264-mp4' }, 'CozyGenVideoOutput 7: format must be one of video/webm, video/mp4, image/gif'],
    [{ pingpong: 'yes' }, 'CozyGenVideoOutput 7: pingpong must be true or false'],
    [{ frame_rate: ['1', 0] }, 'CozyGenVideoOutput 7: frame_rate must be a literal or a form field, not a link'],
  ])('rejects %j', (settings, message) => {
    expect(replaceOutputMarkers(videoGraph(settings))).toEqual({ ok: false, errors: [{ field: 'graph.7', message }] });
  });
});
