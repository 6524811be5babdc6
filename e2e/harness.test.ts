// Proves the e2e harness itself (Chromium, the axe helper, the server lifecycle) without the app, so a red
// journey can be blamed on the product rather than on the tooling.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';
import { startServer } from './support/start-server';

const ACCESSIBLE_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Harness check</title><link rel="icon" href="data:,"></head>
  <body>
    <main>
      <h1>Someone in your corner</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A blank pixel">
      <label for="goal">Your goal</label>
      <input id="goal" name="goal" type="text">
      <button type="button" id="save">Save</button>
      <p id="status">Not saved</p>
    </main>
    <script>
      document.getElementById('save').addEventListener('click', () => {
        document.getElementById('status').textContent = 'Saved';
      });
    </script>
  </body>
</html>`;

const INACCESSIBLE_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Broken page</title><link rel="icon" href="data:,"></head>
  <body>
    <main>
      <h1>Broken on purpose</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <input type="text" name="unlabelled">
    </main>
  </body>
</html>`;

const pages: Record<string, { body: string; headers?: Record<string, string> }> = {
  '/accessible': { body: ACCESSIBLE_PAGE },
  '/inaccessible': { body: INACCESSIBLE_PAGE },
  // Our app should ship a strict CSP; the axe helper has to work on such pages too.
  '/strict-csp': { body: INACCESSIBLE_PAGE, headers: { 'content-security-policy': "script-src 'self'" } },
};

let server: Server;
let baseURL: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('browser', () => {
  it('opens a page, reads its text and runs its script', async () => {
    const { context, page, errors } = await newPage(browser, { baseURL });
    try {
      await page.goto('/accessible');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Someone in your corner');
      await page.getByLabel('Your goal').fill('Run a discovery interview');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.locator('#status').textContent()).toBe('Saved');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('expectNoSeriousA11yViolations', () => {
  it('passes on an accessible page', async () => {
    const { context, page } = await newPage(browser, { baseURL });
    try {
      await page.goto('/accessible');
      const violations = await expectNoSeriousA11yViolations(page, 'accessible page');
      expect(
        violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['/inaccessible', '/strict-csp'])('names the broken rules on %s', async (path) => {
    const { context, page, errors } = await newPage(browser, { baseURL });
    try {
      await page.goto(path);
      const error = await expectNoSeriousA11yViolations(page, 'broken page').then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(Error);
      const message = error instanceof Error ? error.message : '';
      expect(message).toMatch(/^broken page: /);
      expect(message).toContain('- image-alt [critical]');
      expect(message).toContain('- label [critical]');
      expect(message).toMatch(/- label \[critical\]: .* -> input\n/);
      // Injecting axe must not itself trip the page's CSP and leave console errors behind.
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// A stand-in for bin/corner.js with the same contract (PORT, HOST, CORNER_DATA_DIR, /api/health, a line
// with http:// when ready), counting its boots in the data folder to show restarts keep the data.
const FAKE_SERVER = `
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const file = join(process.env.CORNER_DATA_DIR, 'boots');
const boots = (existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0) + 1;
writeFileSync(file, String(boots));
const server = createServer((request, response) => {
  if (request.url === '/api/health') response.writeHead(200).end('ok');
  else response.writeHead(200).end(String(boots) + ' ' + (process.env.GREETING ?? ''));
});
server.listen(Number(process.env.PORT), process.env.HOST, () =>
  console.log('Corner is ready at http://' + process.env.HOST + ':' + process.env.PORT));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

describe('startServer', () => {
  it('starts, restarts on the same port and data, survives kill -9 and cleans up', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'corner-harness-'));
    const entry = join(scratch, 'fake-corner.mjs');
    await writeFile(entry, FAKE_SERVER);
    const app = await startServer({ entry, env: { GREETING: 'hello' } });
    try {
      const body = async () => (await fetch(app.url)).text();
      expect(await body()).toBe('1 hello');
      expect(app.output()).toContain(`ready at ${app.url}`);

      await app.restart();
      expect(await body()).toBe('2 hello');

      await app.kill9();
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
      await app.restart();
      expect(await body()).toBe('3 hello');
      expect(await readFile(join(app.dataDir, 'boots'), 'utf8')).toBe('3');
    } finally {
      await app.stop();
      await rm(scratch, { recursive: true, force: true });
    }
    expect(existsSync(app.dataDir)).toBe(false);
  });

  it('fails with the server output when the server dies before it is ready', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'corner-harness-'));
    const entry = join(scratch, 'broken-corner.mjs');
    await writeFile(entry, "console.error('config: PORT is not a number'); process.exit(3);\n");
    try {
      await expect(startServer({ entry })).rejects.toThrow(
        /exited before it was ready[\s\S]*PORT is not a number/,
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
