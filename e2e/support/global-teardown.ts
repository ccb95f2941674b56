import type { Stack } from './stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __e2eStack?: Stack }).__e2eStack?.stop();
}
