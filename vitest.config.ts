import { defineConfig } from 'vitest/config';

// Three projects, each run by scripts/test.mjs with the adapters it needs:
// unit — pure code, no database; db — operations and routes against a real database
// (PGlite or PostgreSQL, chosen by CORNER_TEST_DB); e2e — journeys in headless Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'src/domain/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/web/**/*.test.ts',
            'test/unit/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/server/**/*.test.ts', 'test/db/**/*.test.ts'],
          globalSetup: ['test/db-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
