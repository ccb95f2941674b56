import { createSelfSignedCert, type SelfSignedCert } from '@test/self-signed-cert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './env';
import { readTlsCredentials } from './tls-credentials';

describe('readTlsCredentials', () => {
  let mine: SelfSignedCert;
  let other: SelfSignedCert;
  beforeAll(() => {
    mine = createSelfSignedCert();
    other = createSelfSignedCert();
  });
  afterAll(() => {
    for (const { dir } of [mine, other]) rmSync(dir, { recursive: true, force: true });
  });

  it('returns the certificate and key of a matching pair', () => {
    const credentials = readTlsCredentials({ certFile: mine.certFile, keyFile: mine.keyFile });
    expect(credentials.cert).toEqual(mine.cert);
    expect(credentials.key.toString()).toContain('PRIVATE KEY');
  });

  it.each([
    ['a missing certificate', () => ({ certFile: join(mine.dir, 'nope.pem'), keyFile: mine.keyFile }), () => `TLS_CERT_FILE: cannot read ${join(mine.dir, 'nope.pem')} (no such file)`],
    ['a missing key', () => ({ certFile: mine.certFile, keyFile: join(mine.dir, 'nope.pem') }), () => `TLS_KEY_FILE: cannot read ${join(mine.dir, 'nope.pem')} (no such file)`],
    ['a folder given as the certificate', () => ({ certFile: mine.dir, keyFile: mine.keyFile }), () => `TLS_CERT_FILE: cannot read ${mine.dir} (a folder, not a file)`],
    ['the key given as the certificate', () => ({ certFile: mine.keyFile, keyFile: mine.keyFile }), () => `TLS_CERT_FILE: ${mine.keyFile} is not a PEM certificate`],
    ['the certificate given as the key', () => ({ certFile: mine.certFile, keyFile: mine.certFile }), () => `TLS_KEY_FILE: ${mine.certFile} is not an unencrypted PEM private key`],
    ['the key of another certificate', () => ({ certFile: mine.certFile, keyFile: other.keyFile }), () => `TLS_KEY_FILE: ${other.keyFile} is not the key of the certificate in ${mine.certFile}`],
  ])('refuses %s with one line naming the variable', (_case, files, line) => {
    expect(() => readTlsCredentials(files())).toThrow(new ConfigError([line()]));
  });

  it('refuses a file that is not PEM at all', () => {
    const junk = join(mine.dir, 'junk.pem');
    writeFileSync(junk, 'hello\n');
    expect(() => readTlsCredentials({ certFile: junk, keyFile: mine.keyFile })).toThrow(new ConfigError([`TLS_CERT_FILE: ${junk} is not a PEM certificate`]));
  });
});
