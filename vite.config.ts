import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { linguiMacro } from './scripts/vite-lingui-macro.ts';

// The SPA lives in src/web and is served by the Hono server from dist/web (one port does everything).
// In development, `npm run dev:web` proxies the API to a running `npm start`.
// Lingui: the macro runs first; the plugin compiles the .po catalogs on import, and the build fails when
// a German message is missing or a message does not compile.
export default defineConfig({
  root: 'src/web',
  plugins: [linguiMacro(), react(), lingui({ failOnMissing: true, failOnCompileError: true })],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
