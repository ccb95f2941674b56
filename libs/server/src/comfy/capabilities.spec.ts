import { readFixtureJson } from '@test/fixtures';
import { featuresSchema, systemStatsSchema } from '@app/shared/comfy/protocol';
import { capabilitiesFrom, isAtLeast } from './capabilities';

const misc = readFixtureJson('comfyui-real/00-misc-endpoints-before.json') as Record<string, { json: unknown }>;
const stats = systemStatsSchema.parse(misc['/system_stats']?.json);
const features = featuresSchema.parse(misc['/features']?.json);

function withVersion(version: string | undefined) {
  return { ...stats, system: { ...stats.system, comfyui_version: version } };
}

describe('E-3 version-dependent features', () => {
  it('a real 0.8.0 server has them all', () => {
    expect(capabilitiesFrom(stats, features)).toEqual({
      version: '0.8.0',
      targetedInterrupt: true,
      clientPromptId: true,
      previewMetadata: true,
      maxUploadBytes: 104857600,
    });
  });

  it.each([
    ['0.3.56', false, true],
    ['0.3.57', true, true],
    ['0.3.44', false, false],
    ['v0.3.60-rc1', true, true],
    [undefined, false, false],
    ['nightly', false, false],
  ])('version %s: targeted interrupt %s, client prompt id %s', (version, targeted, clientPromptId) => {
    const capabilities = capabilitiesFrom(withVersion(version), {});
    expect([capabilities.targetedInterrupt, capabilities.clientPromptId]).toEqual([targeted, clientPromptId]);
  });

  it('needs the /features announcement for type-4 previews', () => {
    expect(capabilitiesFrom(stats, {}).previewMetadata).toBe(false);
  });

  it.each([
    ['1.0.0', '0.9.9', true],
    ['0.10.0', '0.9.0', true],
    ['0.3.45', '0.3.45', true],
    ['0.3.4', '0.3.45', false],
  ])('%s is at least %s: %s', (version, minimum, expected) => {
    expect(isAtLeast(version, minimum)).toBe(expected);
  });
});
