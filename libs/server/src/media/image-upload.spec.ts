import { ValidationError } from '@app/shared/contracts/errors';
import { fixturePath } from '@test/fixtures';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { FileTooLargeError, processImageUpload, uploadLabel } from './image-upload';
import { readPngText } from './png-text';
import { gradientRgb, sampleImage } from './testing/sample-media';

/** A 300×200 JPEG whose top-left quarter is red, tagged "rotate 90° clockwise to display", with camera and GPS EXIF. */
function phonePhoto(): Promise<Buffer> {
  return sharp(gradientRgb(300, 200), { raw: { width: 300, height: 200, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Copyright: 'Jane Doe' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 21/1 3/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function fieldError(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  expect(error.fields).toHaveLength(1);
  expect(error.fields[0]?.field).toBe('file');
  return error.fields[0]?.message ?? '';
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

describe('S-15 image uploads', () => {
  it('applies the EXIF orientation and removes EXIF and GPS from a phone JPEG', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker');

    const result = await processImageUpload(photo);
    expect(result).toEqual(expect.objectContaining({ mime: 'image/jpeg', ext: 'jpg', width: 200, height: 300 }));
    const after = await sharp(result.data).metadata();
    expect([after.format, after.width, after.height, after.orientation, after.exif, after.xmp, after.iptc]).toEqual(['jpeg', 200, 300, undefined, undefined, undefined, undefined]);
    expect(result.data.toString('latin1')).not.toMatch(/PhoneMaker|Jane Doe|GPS/);
    // The red quarter was top-left as stored; rotated for display it is top-right.
    const [red, green, blue] = await pixel(result.data, 190, 10);
    expect([red! > 200, green! < 60, blue! < 60]).toEqual([true, true, true]);
  });

  it('keeps a PNG a PNG and drops its text chunks (a ComfyUI output with its prompt)', async () => {
    const comfy = readFileSync(fixturePath('comfyui-real/01-output-sample.png'));
    expect(readPngText(comfy).length).toBeGreaterThan(0);
    const result = await processImageUpload(comfy);
    expect(result).toEqual(expect.objectContaining({ mime: 'image/png', ext: 'png', width: 64, height: 48 }));
    expect(readPngText(result.data)).toEqual([]);
    const [original, processed] = await Promise.all([sharp(comfy).raw().toBuffer(), sharp(result.data).raw().toBuffer()]);
    expect(processed.equals(original)).toBe(true);
  });

  it('keeps a WebP a WebP, re-encoded without its EXIF', async () => {
    const webp = await sharp(gradientRgb(120, 80), { raw: { width: 120, height: 80, channels: 3 } }).webp().withExif({ IFD0: { Artist: 'Someone' } }).toBuffer();
    const result = await processImageUpload(webp);
    expect(result).toEqual(expect.objectContaining({ mime: 'image/webp', ext: 'webp', width: 120, height: 80 }));
    expect((await sharp(result.data).metadata()).exif).toBeUndefined();
  });

  it('refuses more than 40 megapixels from the header, before decoding', async () => {
    const huge = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#336699' } }).png().toBuffer();
    expect(await fieldError(processImageUpload(huge))).toBe('is 8000×5001 (40.0 megapixels); at most 40 megapixels are accepted');
  });

  it('counts pixels against the configured limit, inclusive', async () => {
    const limits = { maxBytes: 1024 * 1024, maxPixels: 10_000 };
    await expect(processImageUpload(await sampleImage('png', 100, 100), limits)).resolves.toEqual(expect.objectContaining({ width: 100 }));
    expect(await fieldError(processImageUpload(await sampleImage('png', 101, 100), limits))).toMatch(/at most 0.01 megapixels/);
  });

  it('refuses a file over the byte limit with its own error', async () => {
    await expect(processImageUpload(Buffer.alloc(1001), { maxBytes: 1000, maxPixels: 1e6 })).rejects.toBeInstanceOf(FileTooLargeError);
  });

  it.each<[string, () => Promise<Buffer>, string]>([
    ['a text file named .png', () => Promise.resolve(Buffer.from('just some text, named photo.png by the client')), 'must be a PNG, JPEG or WebP image'],
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), 'is empty'],
    ['a GIF', () => sampleImage('gif'), 'must be a PNG, JPEG or WebP image'],
    ['an SVG', () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 'must be a PNG, JPEG or WebP image'],
    [
      'an animated WebP',
      () => sharp(Buffer.concat([gradientRgb(20, 20), Buffer.alloc(20 * 20 * 3, 255)]), { raw: { width: 20, height: 40, channels: 3, pageHeight: 20 } }).webp({ loop: 0, delay: [100, 100] }).toBuffer(),
      'must be a still image, not an animation',
    ],
    ['a PNG cut in half', async () => (await sampleImage('png', 200, 200)).subarray(0, 300), 'is damaged and could not be decoded'],
    ['a PNG cut inside its header', async () => (await sampleImage('png', 200, 200)).subarray(0, 20), 'must be a PNG, JPEG or WebP image'],
    ['a JPEG cut in half', async () => (await sampleImage('jpeg', 200, 200)).subarray(0, 700), 'is damaged and could not be decoded'],
  ])('refuses %s as a field error on "file"', async (_name, make, message) => {
    expect(await fieldError(processImageUpload(await make()))).toBe(message);
  });
});

describe('S-5 the client’s file name is only a label', () => {
  it.each([
    ['holiday.jpg', 'holiday.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Pictures\\cat.png', 'cat.png'],
    ['bad\u0000name\u001b[31m.png', 'badname[31m.png'],
    ['cat\u202Egnp.exe', 'catgnp.exe'],
    ['   ', 'upload'],
    [undefined, 'upload'],
    ['x'.repeat(500), 'x'.repeat(200)],
  ])('%j → %j', (name, label) => {
    expect(uploadLabel(name)).toBe(label);
  });
});
