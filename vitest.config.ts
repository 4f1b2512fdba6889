import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when it is stale, so spawned `calabi` processes do not each compile the sources (test/support/build-dist.ts).
    globalSetup: ['test/support/build-dist.ts'],
    // Integration tests start moto_server and Chromium; two cores share them.
    pool: 'forks',
    // A worker runs its test files one after another in one process and keeps the modules they loaded: a file no
    // longer pays ~1 s to import the SDK, DuckDB and the engine again (the suite's "collect" time: 390 s of 1,740 s
    // on this machine). A test that needs a module's first load (a once-per-process sweep, a mocked import) loads it
    // afresh with vi.resetModules(), and a test restores any process.env it changes.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    // expect.poll waits for a page or a server to catch up; its default of one second failed a page test on a
    // loaded CI machine (a fetch after a click took longer). A poll that should fail still fails, ten seconds later.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
