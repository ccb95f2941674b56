import { studioUrls } from './studio-urls';

describe('studioUrls', () => {
  it('lists every LAN address when the api listens on all interfaces', () => {
    expect(studioUrls({ port: 3000, host: '0.0.0.0', secure: false }, ['192.168.1.20', '10.0.0.5'])).toEqual({
      local: 'http://localhost:3000',
      lan: ['http://192.168.1.20:3000', 'http://10.0.0.5:3000'],
    });
  });

  it('says https once the api serves TLS', () => {
    expect(studioUrls({ port: 8443, host: '::', secure: true }, ['192.168.1.20'])).toEqual({ local: 'https://localhost:8443', lan: ['https://192.168.1.20:8443'] });
  });

  it('offers no LAN address when bound to one address only', () => {
    expect(studioUrls({ port: 3000, host: '127.0.0.1', secure: false }, ['192.168.1.20']).lan).toEqual([]);
  });
});
