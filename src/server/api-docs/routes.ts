import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

// The API reference, rendered by Swagger UI from files shipped in the swagger-ui-dist package, so the
// page works offline and behind firewalls (no CDN).
const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Corner API reference</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <main id="api-reference" aria-label="Corner API reference"></main>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// A file, not an inline <script>: the Content-Security-Policy allows scripts from our own files only.
// Tags start collapsed: with every operation expanded, Swagger UI stops rendering part-way through a
// document of this size (about 100 paths), and a list of areas is easier to scan anyway.
const init = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#api-reference',
  deepLinking: true,
  docExpansion: 'none',
});
`;

export const apiDocsRoutes = new Hono()
  .get('/', (c) => c.html(page))
  .get('/init.js', (c) => c.body(init, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .use(
    '/assets/*',
    serveStatic({
      root: swaggerDir,
      rewriteRequestPath: (requestPath) => requestPath.replace(/^\/api\/docs\/assets/, ''),
    }),
  );
