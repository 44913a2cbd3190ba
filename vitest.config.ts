import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // A throwaway PostgreSQL cluster for the storage and server tests (see the file).
    globalSetup: ['test/support/postgres.ts'],
  },
});
