import { loadConfig } from '../config/env';
import { outputFile, outputRelPath, storedOutputFile, storedUploadFile, thumbnailFile, uploadFile, type ThumbnailSize } from './paths';

const config = loadConfig({ DATA_DIR: '/srv/studio' });
const USER = '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';
const OUTPUT = '0190a5b2-7c3d-7e4f-8a1b-000000000001';
// 2024-02-29T23:59:59.999Z: the last millisecond of February in UTC.
const LEAP_DAY_END = Date.UTC(2024, 1, 29, 23, 59, 59, 999);

describe('S-3 paths derive from ids only', () => {
  it('places an output under its owner, UTC year and month', () => {
    expect(outputFile(config, { userId: USER, outputId: OUTPUT, ext: 'png', createdAt: LEAP_DAY_END })).toBe(`/srv/studio/outputs/${USER}/2024/02/${OUTPUT}.png`);
    expect(outputRelPath({ userId: USER, outputId: OUTPUT, ext: 'mp4', createdAt: LEAP_DAY_END + 1 })).toBe(`${USER}/2024/03/${OUTPUT}.mp4`);
  });

  it('names thumbnails by id and fixed size (S-4) and uploads by owner and id (S-5)', () => {
    expect(thumbnailFile(config, OUTPUT, 256)).toBe(`/srv/studio/thumbs/${OUTPUT}-256.webp`);
    expect(thumbnailFile(config, OUTPUT, 768)).toBe(`/srv/studio/thumbs/${OUTPUT}-768.webp`);
    expect(uploadFile(config, { userId: USER, uploadId: OUTPUT, ext: 'jpg' })).toBe(`/srv/studio/uploads/${USER}/${OUTPUT}.jpg`);
  });

  it.each([
    ['a traversal', '../../etc'],
    ['a sibling folder', '../output_old'],
    ['an absolute path', '/etc/passwd'],
    ['an empty id', ''],
    ['a UUID with a suffix', `${USER}/x`],
    ['an upper-case UUID (a second name for the same id)', USER.toUpperCase()],
  ])('refuses %s as an id', (_name, id) => {
    expect(() => outputFile(config, { userId: id, outputId: OUTPUT, ext: 'png', createdAt: 0 })).toThrow(/UUID/);
    expect(() => outputFile(config, { userId: USER, outputId: id, ext: 'png', createdAt: 0 })).toThrow(/UUID/);
    expect(() => thumbnailFile(config, id, 256)).toThrow(/UUID/);
    expect(() => uploadFile(config, { userId: USER, uploadId: id, ext: 'png' })).toThrow(/UUID/);
  });

  it.each(['exe', 'PNG', 'png/../../x', '', 'html', 'svg'])('refuses the extension %j', (ext) => {
    expect(() => outputFile(config, { userId: USER, outputId: OUTPUT, ext, createdAt: 0 })).toThrow(/extension/);
  });

  it('refuses thumbnail sizes other than 256 and 768', () => {
    expect(() => thumbnailFile(config, OUTPUT, 512 as ThumbnailSize)).toThrow(/size/);
  });

  it.each([Number.NaN, -1, 1.5])('refuses the time %p', (createdAt) => {
    expect(() => outputFile(config, { userId: USER, outputId: OUTPUT, ext: 'png', createdAt })).toThrow(/createdAt/);
  });

  it('accepts a stored path only when it has the written shape and names the same ids', () => {
    const relPath = outputRelPath({ userId: USER, outputId: OUTPUT, ext: 'png', createdAt: LEAP_DAY_END });
    expect(storedOutputFile(config, { userId: USER, outputId: OUTPUT, relPath })).toBe(`/srv/studio/outputs/${relPath}`);
    const other = '0190a5b2-7c3d-7e4f-8a1b-000000000002';
    for (const bad of [`${USER}/2024/02/${other}.png`, `${USER}/2024/02/../../${OUTPUT}.png`, `/${relPath}`, `${relPath}/`, `${USER}/24/02/${OUTPUT}.png`]) {
      expect(() => storedOutputFile(config, { userId: USER, outputId: OUTPUT, relPath: bad })).toThrow(/does not match/);
    }
    expect(() => storedUploadFile(config, { userId: USER, uploadId: OUTPUT, relPath: `${other}/${OUTPUT}.png` })).toThrow(/does not match/);
    expect(storedUploadFile(config, { userId: USER, uploadId: OUTPUT, relPath: `${USER}/${OUTPUT}.webp` })).toBe(`/srv/studio/uploads/${USER}/${OUTPUT}.webp`);
  });
});
