import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError, type TlsFiles } from './env';

export interface TlsCredentials {
  readonly cert: Buffer;
  readonly key: Buffer;
}

const READ_FAILURES: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a folder, not a file' };

function readPem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ConfigError([`${variable}: cannot read ${file} (${READ_FAILURES[code] ?? (code || String(error))})`]);
  }
}

function parse<T>(variable: string, what: string, file: string, read: () => T): T {
  try {
    return read();
  } catch {
    throw new ConfigError([`${variable}: ${file} is not ${what}`]);
  }
}

/**
 * Reads and checks the PEM certificate and key of `config.tls` before anything listens, so a
 * wrong path, a file of the wrong kind or a key of another certificate is one line naming the
 * variable, not a TLS stack trace from deep inside the server (or a restart loop).
 */
export function readTlsCredentials(files: TlsFiles): TlsCredentials {
  const cert = readPem('TLS_CERT_FILE', files.certFile);
  const key = readPem('TLS_KEY_FILE', files.keyFile);
  const certificate = parse('TLS_CERT_FILE', 'a PEM certificate', files.certFile, () => new X509Certificate(cert));
  const privateKey: KeyObject = parse('TLS_KEY_FILE', 'an unencrypted PEM private key', files.keyFile, () => createPrivateKey(key));
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new ConfigError([`TLS_KEY_FILE: ${files.keyFile} is not the key of the certificate in ${files.certFile}`]);
  }
  return { cert, key };
}
