import { ConfigError, loadConfig } from './env';

describe('loadConfig', () => {
  it('runs on plain HTTP with no TLS settings', () => {
    expect(loadConfig({}, '/srv/studio').tls).toBeUndefined();
  });

  it('serves HTTPS from a certificate and key given together, resolved against the working folder', () => {
    expect(loadConfig({ TLS_CERT_FILE: 'tls/cert.pem', TLS_KEY_FILE: '/etc/studio/key.pem' }, '/srv/studio').tls).toEqual({
      certFile: '/srv/studio/tls/cert.pem',
      keyFile: '/etc/studio/key.pem',
    });
  });

  it('refuses a certificate without its key, naming the missing variable', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: 'cert.pem' })).toThrow(new ConfigError(['TLS_KEY_FILE: must be set too (TLS_CERT_FILE and TLS_KEY_FILE go together)']));
  });
});
