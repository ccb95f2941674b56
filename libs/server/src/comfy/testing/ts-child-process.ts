import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(__dirname, '../../../../..');

/**
 * A require hook for a child `node`: `.ts` files compiled on the fly with @swc/core, `@app/*`
 * resolved like tsconfig's paths. Lets a test run project code in a process it can SIGKILL.
 */
const REGISTER_HOOK = `
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require(${JSON.stringify(join(REPO_ROOT, 'node_modules/@swc/core'))});
const aliases = { '@app/shared/': 'libs/shared/src/', '@app/server/': 'libs/server/src/' };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [prefix, folder] of Object.entries(aliases)) {
    if (request.startsWith(prefix)) request = path.join(${JSON.stringify(REPO_ROOT)}, folder, request.slice(prefix.length));
  }
  return resolveFilename.call(this, request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, swcrc: false, module: { type: 'commonjs' },
    jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, keepClassNames: true },
  });
  module._compile(code, filename);
};
`;

export interface TsChild {
  /** The next JSON line the child printed on stdout. */
  nextMessage(): Promise<unknown>;
  /** SIGKILL: no clean-up runs in the child, as when a worker crashes. */
  kill(): Promise<void>;
}

/** Runs `entry` (a .ts file of this repository) with `args` in a fresh node process. */
export async function startTsChild(entry: string, args: string[]): Promise<TsChild> {
  const folder = await mkdtemp(join(tmpdir(), 'ts-child-'));
  const hook = join(folder, 'register.cjs');
  await writeFile(hook, REGISTER_HOOK);
  const child: ChildProcess = spawn(process.execPath, ['--require', hook, entry, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout ?? process.stdin })[Symbol.asyncIterator]();
  return {
    async nextMessage() {
      const line = await lines.next();
      if (line.done) throw new Error(`child ${entry} exited before printing a message`);
      return JSON.parse(line.value) as unknown;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}
