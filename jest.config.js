// One jest run covers every backend suite; `scripts/test.mjs` adds vitest and sums the results.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/thumbhash/.+\\.js$': swc },
  // thumbhash ships only as an ES module; swc turns it into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!thumbhash/)'],
  moduleNameMapper: {
    '^@app/shared$': '<rootDir>/libs/shared/src',
    '^@app/shared/(.*)$': '<rootDir>/libs/shared/src/$1',
    '^@app/server$': '<rootDir>/libs/server/src',
    '^@app/server/(.*)$': '<rootDir>/libs/server/src/$1',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
  rootDir: __dirname,
};

module.exports = {
  testTimeout: 30_000,
  projects: [
    {
      ...common,
      displayName: 'shared',
      roots: ['<rootDir>/libs/shared'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'server',
      roots: ['<rootDir>/libs/server', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/apps/supervisor', '<rootDir>/apps/comfyui-sim', '<rootDir>/test', '<rootDir>/chaos'],
      testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/server/src/testing/jest-global-setup.ts',
      globalTeardown: '<rootDir>/libs/server/src/testing/jest-global-teardown.ts',
    },
    {
      // The crash guarantee, short (chaos/crash-guarantee.chaos-spec.ts): its own stage of npm test.
      ...common,
      displayName: 'chaos',
      roots: ['<rootDir>/chaos'],
      testMatch: ['**/*.chaos-spec.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.spec.ts'],
      globalSetup: '<rootDir>/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/e2e/support/global-teardown.ts',
    },
  ],
};
