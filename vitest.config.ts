import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { linguiMacro } from './scripts/vite-lingui-macro.ts';

// Four projects, each run by scripts/test.mjs with the adapters it needs:
// unit — pure code, no database; db — operations and routes against a real database
// (PGlite or PostgreSQL, chosen by CORNER_TEST_DB); faults — database faults and graceful shutdown
// against real processes and a throwaway PostgreSQL; e2e — journeys in headless Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        // The web app's messages go through Lingui's macro and its compiled catalogs here as in the build.
        plugins: [linguiMacro(), react(), lingui()],
        test: {
          name: 'unit',
          setupFiles: ['src/web/i18n/english-for-tests.ts'],
          include: [
            'src/domain/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/web/**/*.test.ts',
            'src/web/**/*.test.tsx',
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
          // Real Corner processes on a PostgreSQL cluster the suite starts itself, with faults made for
          // real (terminated connections, a restart, SIGTERM); one run, not once per database engine.
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
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
