import { describe, expect, it } from 'vitest';
import { thumbhashUrl } from './thumbhash-url';

describe('G-5 ThumbHash placeholders', () => {
  it('decodes the api’s base64 hash into an image the browser can show at once', () => {
    // As the api sent it for a stand-in output.
    expect(thumbhashUrl('XeUJRwpXZXdgqYmHeKh4Z3d290aWJpAC')).toMatch(/^data:image\/png;base64,/);
  });

  it.each([null, '', '!!not base64!!'])('has no placeholder for %j', (hash) => {
    expect(thumbhashUrl(hash)).toBeNull();
  });
});
