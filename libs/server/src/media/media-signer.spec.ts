import { MediaSigner, mediaExpiry, type MediaTarget } from './media-signer';

const SECRET = 'a-test-secret-that-is-long-enough-for-jwt-signing';
const target: MediaTarget = { resource: 'output', id: '0190a5b2-7c3d-7e4f-8a1b-000000000001', variant: 'thumb256', userId: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b' };
const MORNING = Date.UTC(2025, 5, 10, 8, 30);
const NIGHT = Date.UTC(2025, 5, 10, 23, 59, 59);
const END_OF_NEXT_DAY = Date.UTC(2025, 5, 12) / 1000;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('S-24 signed media URLs', () => {
  const signer = new MediaSigner(SECRET);

  it('expires at the end of the next UTC day, so every URL made on one day is the same', () => {
    expect(mediaExpiry(MORNING)).toBe(END_OF_NEXT_DAY);
    expect(mediaExpiry(NIGHT)).toBe(END_OF_NEXT_DAY);
    expect(signer.url(target, MORNING)).toBe(signer.url(target, NIGHT));
    expect(END_OF_NEXT_DAY * 1000 - NIGHT).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it('builds /api/media/<kind>/<id>/<variant>?u=&exp=&sig=', () => {
    const url = new URL(signer.url(target, MORNING), 'http://studio.local');
    expect(url.pathname).toBe(`/api/media/output/${target.id}/thumb256`);
    expect([...url.searchParams.keys()]).toEqual(['u', 'exp', 'sig']);
    expect(url.searchParams.get('u')).toBe(target.userId);
    expect(url.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('accepts exactly what it signed, until it expires', () => {
    const { exp, sig } = signer.sign(target, MORNING);
    expect(signer.verify(target, exp, sig, MORNING)).toBe(true);
    expect(signer.verify(target, exp, sig, exp * 1000 - 1)).toBe(true);
    expect(signer.verify(target, exp, sig, exp * 1000)).toBe(false);
  });

  it.each<[string, Partial<MediaTarget>]>([
    ['another user', { userId: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7c' }],
    ['another output', { id: '0190a5b2-7c3d-7e4f-8a1b-000000000002' }],
    ['another variant', { variant: 'original' }],
    ['another kind of resource', { resource: 'upload' }],
  ])('refuses the signature for %s', (_name, change) => {
    const { exp, sig } = signer.sign(target, MORNING);
    expect(signer.verify({ ...target, ...change }, exp, sig, MORNING)).toBe(false);
  });

  it('refuses a changed expiry, a changed or malformed signature, and another server’s key', () => {
    const { exp, sig } = signer.sign(target, MORNING);
    const flipped = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(signer.verify(target, exp + 86_400, sig, MORNING)).toBe(false);
    expect(signer.verify(target, exp - 86_400, sig, MORNING)).toBe(false);
    expect(signer.verify(target, exp, flipped, MORNING)).toBe(false);
    expect(signer.verify(target, exp, `${sig}=`, MORNING)).toBe(false);
    // The last character's two spare bits: every other spelling of the same bytes is refused.
    const lastSextet = BASE64URL.indexOf(sig.slice(-1));
    for (let spare = 0; spare < 4; spare++) {
      const spelling = `${sig.slice(0, -1)}${BASE64URL[(lastSextet & ~3) | spare] ?? ''}`;
      expect(signer.verify(target, exp, spelling, MORNING)).toBe(spelling === sig);
    }
    expect(signer.verify(target, exp, '', MORNING)).toBe(false);
    expect(signer.verify(target, Number.NaN, sig, MORNING)).toBe(false);
    expect(new MediaSigner(`${SECRET}-other`).verify(target, exp, sig, MORNING)).toBe(false);
  });
});
