import { fixturePath } from '@test/fixtures';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addPngText } from './png-text';
import { SNIFF_HEAD_BYTES, sniffFile, sniffMedia } from './sniff';
import { tempFolder, writeSample, type SampleFormat } from './testing/sample-media';

describe('G-3 kinds come from sniffed content', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder('cs-sniff-');
  });
  afterAll(() => folder.remove());

  it.each<[SampleFormat, string, string, string, boolean]>([
    ['png', 'image', 'image/png', 'png', false],
    ['jpeg', 'image', 'image/jpeg', 'jpg', false],
    ['webp', 'image', 'image/webp', 'webp', false],
    ['gif', 'image', 'image/gif', 'gif', false],
    ['webp-anim', 'video', 'image/webp', 'webp', true],
    ['gif-anim', 'video', 'image/gif', 'gif', true],
    ['apng', 'video', 'image/png', 'png', true],
    ['mp4', 'video', 'video/mp4', 'mp4', true],
    ['mov', 'video', 'video/quicktime', 'mov', true],
    ['webm', 'video', 'video/webm', 'webm', true],
    ['flac', 'audio', 'audio/flac', 'flac', false],
    ['mp3', 'audio', 'audio/mpeg', 'mp3', false],
    ['wav', 'audio', 'audio/wav', 'wav', false],
    ['opus', 'audio', 'audio/ogg', 'opus', false],
    ['ogg', 'audio', 'audio/ogg', 'ogg', false],
  ])('%s made by sharp/ffmpeg → %s %s .%s (animated %s)', async (format, kind, mime, ext, animated) => {
    const path = await writeSample(folder.dir, format);
    expect(await sniffFile(path)).toEqual(expect.objectContaining({ kind, mime, ext, animated }));
  });

  it('reads ComfyUI’s real PNG output as a still image', async () => {
    expect(await sniffFile(fixturePath('comfyui-real/01-output-sample.png'))).toEqual({ kind: 'image', format: 'png', mime: 'image/png', ext: 'png', animated: false });
  });

  it('reads past the first 64 KiB when a large text chunk precedes the image data', async () => {
    const png = addPngText(await readFile(fixturePath('comfyui-real/01-output-sample.png')), [['workflow', 'x'.repeat(SNIFF_HEAD_BYTES * 2)]]);
    expect(sniffMedia(png.subarray(0, SNIFF_HEAD_BYTES), false)).toEqual({ status: 'need-more' });
    const path = join(folder.dir, 'big-text.png');
    await writeFile(path, png);
    expect(await sniffFile(path)).toEqual(expect.objectContaining({ kind: 'image', ext: 'png' }));
  });

  it.each<[string, Uint8Array]>([
    ['empty', new Uint8Array()],
    ['text', Buffer.from('hello, this is not an image at all\n')],
    ['HTML', Buffer.from('<!doctype html><html><body>hi</body></html>')],
    ['zeros', new Uint8Array(4096)],
    ['PNG signature only', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['PNG signature then garbage', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage garbage garbage')])],
    ['RIFF of another form', Buffer.from('RIFF\x10\x00\x00\x00AVI LIST')],
    ['M4A audio (not a G-3 format)', Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00')],
    ['Matroska that is not WebM', Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88]), Buffer.from('matroska'), Buffer.alloc(60)])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffMedia(bytes, true)).toEqual({ status: 'unknown' });
  });

  it.each<SampleFormat>(['png', 'gif-anim', 'webp-anim'])('a %s cut short before its deciding part is not recognised', async (format) => {
    const bytes = await readFile(await writeSample(folder.dir, format));
    const cut = bytes.subarray(0, format === 'webp-anim' ? 18 : 40);
    expect(sniffMedia(cut, true)).toEqual({ status: 'unknown' });
    expect(sniffMedia(cut, false)).toEqual({ status: 'need-more' });
  });

  it('does not trust the file name: a text file named .png is unknown', async () => {
    const path = join(folder.dir, 'photo.png');
    await writeFile(path, 'not a png');
    expect(await sniffFile(path)).toBeUndefined();
  });
});
