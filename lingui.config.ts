import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

// The web app's messages: English is the source, German the second language. `npm run i18n:extract`
// writes every message found in src/web into both catalogs; the Vite plugin compiles them at build time.
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de'],
  catalogs: [
    {
      path: '<rootDir>/src/web/locales/{locale}/messages',
      include: ['<rootDir>/src/web'],
      exclude: ['**/node_modules/**', '**/*.test.ts', '**/*.test.tsx'],
    },
  ],
  // Origins without line numbers, so moving code does not rewrite the catalogs.
  format: formatter({ lineNumbers: false }),
  orderBy: 'messageId',
});
