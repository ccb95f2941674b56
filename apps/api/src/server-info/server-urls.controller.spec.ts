import { loadConfig } from '@app/server/config/env';
import { ServerUrlsController } from './server-urls.controller';

describe('X-8 server URLs', () => {
  it('have no LAN URL when the api listens on one address only', () => {
    const config = loadConfig({ PORT: '3100', HOST: '127.0.0.1' });
    expect(new ServerUrlsController(config).urls()).toEqual({ local: 'http://localhost:3100', lan: [] });
  });

  it('are https:// once the api serves HTTPS itself', () => {
    const config = { ...loadConfig({ PORT: '8443', HOST: '127.0.0.1' }), tls: { certFile: '/etc/studio/cert.pem', keyFile: '/etc/studio/key.pem' } };
    expect(new ServerUrlsController(config).urls()).toEqual({ local: 'https://localhost:8443', lan: [] });
  });
});
