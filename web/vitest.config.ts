import { defineConfig } from 'vitest/config';

/**
 * Unit tests of the web app's pure helpers (editing, pasting, diff and merge, file preview). They run
 * in Node: nothing here needs a DOM. `npm test` runs them after the root suite (npm run test:web).
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['web/src/**/*.test.ts'],
  },
});
