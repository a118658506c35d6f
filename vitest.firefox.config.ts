import { defineConfig } from 'vitest/config';

// The real-browser tests in Firefox (e2e-firefox/), apart from the unit tests: they need
// `npm run build:firefox` first and start Firefox, one per test file.
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    // One Firefox at a time on a 2-core machine.
    fileParallelism: false,
    // A Firefox launch takes 5 s on an idle 2-core machine and 30 s on a busy one; the first test
    // of a file pays for it.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    expect: { poll: { timeout: 20_000 } },
  },
});
