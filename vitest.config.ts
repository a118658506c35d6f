import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'entrypoints/**/*.test.tsx', 'scripts/**/*.test.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // Some tests parse the saved 3.8 MB listing or summarize a few hundred abstracts; on a loaded
    // 2-core machine those took over vitest's default 5 s. Speed is measured in `npm run bench`, not here.
    testTimeout: 30_000,
  },
});
