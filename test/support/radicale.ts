import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

// A real CalDAV server for the calendar-sync tests: Debian's Radicale (scripts/ensure-radicale.mjs installs
// it), started on a free port with its own storage folder, config and htpasswd file, one per test file.

export const RADICALE_USER = 'ana';
export const RADICALE_PASSWORD = 'app-password-for-tests';

export type RadicaleServer = {
  /** The server's root, e.g. http://127.0.0.1:41234/ */
  url: string;
  username: string;
  password: string;
  /** The principal's home, where calendars live: …/ana/ */
  homeUrl: string;
  /** Where Radicale keeps a calendar's objects on disk (a benchmark writes thousands there directly). */
  calendarFolder: (slug: string) => string;
  /** Creates a calendar collection (MKCOL with a calendar resourcetype); returns its URL. */
  createCalendar: (slug: string, displayName: string) => Promise<string>;
  /** PUTs an iCalendar object into a calendar. */
  putEvent: (calendarUrl: string, fileName: string, ics: string) => Promise<void>;
  deleteEvent: (calendarUrl: string, fileName: string) => Promise<void>;
  /** Reads back an object (undefined when absent). */
  getEvent: (calendarUrl: string, fileName: string) => Promise<string | undefined>;
  /** Lists the .ics objects of a calendar with their contents. */
  listEvents: (calendarUrl: string) => Promise<{ href: string; ics: string }[]>;
  /** Kills the process (the "server down" fault); start() brings it back on the same port and storage. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and removes its folder (afterAll). */
  close: () => Promise<void>;
};

export async function startRadicale(): Promise<RadicaleServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corner-radicale-'));
  const port = await freePort();
  const users = path.join(folder, 'users');
  fs.writeFileSync(users, `${RADICALE_USER}:${RADICALE_PASSWORD}\n`);
  const config = path.join(folder, 'config');
  fs.writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${users}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${path.join(folder, 'collections')}`,
      '[web]',
      'type = none',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}/`;
  const homeUrl = `${url}${RADICALE_USER}/`;
  const authorization = `Basic ${Buffer.from(`${RADICALE_USER}:${RADICALE_PASSWORD}`).toString('base64')}`;
  let child: ChildProcess | undefined;

  async function start() {
    const started = spawn('radicale', ['--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    started.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child = started;
    const giveUpAt = Date.now() + 15_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`radicale exited at start: ${output}`);
      try {
        const response = await fetch(homeUrl, { method: 'PROPFIND', headers: { authorization, depth: '0' } });
        await response.arrayBuffer();
        if (response.status < 500) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > giveUpAt) throw new Error(`radicale did not answer on ${url}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  async function dav(method: string, target: string, body?: string, headers: Record<string, string> = {}) {
    const response = await fetch(target, { method, body, headers: { authorization, ...headers } });
    const text = await response.text();
    return { status: response.status, text };
  }

  await start();

  return {
    url,
    username: RADICALE_USER,
    password: RADICALE_PASSWORD,
    homeUrl,
    calendarFolder: (slug) => path.join(folder, 'collections', 'collection-root', RADICALE_USER, slug),
    start,
    stop,
    async close() {
      await stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
    async createCalendar(slug, displayName) {
      const target = `${homeUrl}${slug}/`;
      const body = `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
    <D:displayname>${displayName}</D:displayname>
    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</D:mkcol>`;
      const { status, text } = await dav('MKCOL', target, body, { 'content-type': 'application/xml' });
      if (status !== 201) throw new Error(`MKCOL ${target}: ${status} ${text}`);
      return target;
    },
    async putEvent(calendarUrl, fileName, ics) {
      const { status, text } = await dav('PUT', `${calendarUrl}${fileName}`, ics, {
        'content-type': 'text/calendar; charset=utf-8',
      });
      if (status !== 201 && status !== 204) throw new Error(`PUT ${fileName}: ${status} ${text}`);
    },
    async deleteEvent(calendarUrl, fileName) {
      const { status, text } = await dav('DELETE', `${calendarUrl}${fileName}`);
      if (status !== 200 && status !== 204) throw new Error(`DELETE ${fileName}: ${status} ${text}`);
    },
    async getEvent(calendarUrl, fileName) {
      const { status, text } = await dav('GET', `${calendarUrl}${fileName}`);
      return status === 200 ? text : undefined;
    },
    async listEvents(calendarUrl) {
      const body = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>
</C:calendar-query>`;
      const { text } = await dav('REPORT', calendarUrl, body, {
        depth: '1',
        'content-type': 'application/xml',
      });
      const entries: { href: string; ics: string }[] = [];
      // Whatever prefix the server gives the DAV and CalDAV namespaces (Radicale 3 answers with none).
      for (const match of text.matchAll(/<(?:[\w-]+:)?response>([\s\S]*?)<\/(?:[\w-]+:)?response>/gi)) {
        const part = match[1] ?? '';
        const href = /<(?:[\w-]+:)?href>([^<]*)<\/(?:[\w-]+:)?href>/i.exec(part)?.[1] ?? '';
        const data = /<(?:[\w-]+:)?calendar-data[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?calendar-data>/i.exec(
          part,
        )?.[1];
        if (data) entries.push({ href, ics: unescapeXml(data) });
      }
      return entries;
    },
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');
}
