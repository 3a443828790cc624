import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // forks, not threads: CDK bundling and dynalite's leveldb misbehave in worker threads.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: {
      // The SDK warns once per process on Node 20; the warning is noise in test output.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      CDK_DISABLE_VERSION_CHECK: '1',
    },
  },
});
