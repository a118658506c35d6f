import { defineConfig } from 'vitest/config';

// The real-browser tests in Firefox (e2e-firefox/), apart from the unit tests: they need
// `npm run build:firefox` first and start Firefox, one per test file.
export default defineConfig({
  test: {
    include: ['e2e-firefox/**/*.spec.ts'],
    environment: 'node',
    // One Firefox at a time on a 2-core machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
