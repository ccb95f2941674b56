import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './phone-address';

describe('isLoopbackHost', () => {
  it.each<[string, boolean]>([
    ['localhost', true],
    ['studio.localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['192.168.1.20', false],
    ['studio.lan', false],
    ['[fd00::2]', false],
    ['localhost.example', false],
  ])('%s → %s', (hostname, expected) => {
    expect(isLoopbackHost(hostname)).toBe(expected);
  });
});
