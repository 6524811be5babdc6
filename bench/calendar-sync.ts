// Calendar-sync benchmark (issue 13): a guide with 3 calendars on a local Radicale holding 5,000 events
// (200 of them weekly recurring series) over a year; times the first full sync into the busy cache
// (CalDAV time-range query, ical.js expansion, cache write) and a second, incremental one.
// Prints figures; it does not pass or fail. Run: npm run bench:calendar-sync
import fs from 'node:fs';
import path from 'node:path';
import { calendarKeyFrom, encryptCredentials } from '../src/server/calendar-sync/credentials';
import { syncConnection } from '../src/server/calendar-sync/sync-connection';
import { openDatabase } from '../src/server/db/client';
import { calendarBusyIntervals, calendarConnections, user } from '../src/server/db/schema';
import { startRadicale } from '../test/support/radicale';
import { mulberry32 } from './prng';

const EVENTS = 5_000;
const SERIES = 200;
const CALENDARS = ['work', 'home', 'side-project'];
const TARGET_MS = 5_000;
const START = new Date('2027-01-04T00:00:00Z');

const rand = mulberry32(20261207);
const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function eventIcs(index: number): string {
  const day = Math.floor(rand() * 360);
  const hour = 7 + Math.floor(rand() * 11);
  const start = new Date(START.getTime() + day * 86_400_000 + hour * 3_600_000);
  const end = new Date(start.getTime() + (1 + Math.floor(rand() * 4)) * 30 * 60_000);
  const rule = index < SERIES ? `RRULE:FREQ=WEEKLY;COUNT=${20 + Math.floor(rand() * 33)}\r\n` : '';
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//corner bench//EN',
    'BEGIN:VEVENT',
    `UID:bench-${index}@corner`,
    `DTSTAMP:${stamp(START)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:Event ${index}`,
    `${rule}END:VEVENT`,
    'END:VCALENDAR',
    '',
  ]
    .join('\r\n')
    .replace('\r\n\r\nEND:VEVENT', '\r\nEND:VEVENT');
}

const radicale = await startRadicale();
const database = await openDatabase({ kind: 'pglite', dataDir: null });
try {
  await database.migrate();
  const loadStarted = performance.now();
  for (const slug of CALENDARS) await radicale.createCalendar(slug, slug);
  // The objects go straight into Radicale's storage folder: PUTting 5,000 would time Radicale's writes.
  for (let index = 0; index < EVENTS; index++) {
    const slug = CALENDARS[index % CALENDARS.length] as string;
    fs.writeFileSync(path.join(radicale.calendarFolder(slug), `bench-${index}.ics`), eventIcs(index));
  }
  console.log(
    `Loaded ${EVENTS} events (${SERIES} weekly series) into ${CALENDARS.length} calendars in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
  );

  const key = calendarKeyFrom('bench-calendar-key-that-is-long-enough');
  const now = new Date('2027-01-01T09:00:00Z');
  await database.db.insert(user).values({
    id: 'bench-guide',
    name: 'Bench Guide',
    email: 'bench-guide@example.test',
    emailVerified: true,
    createdAt: now,
    updatedAt: now,
    timeZone: 'Europe/Berlin',
  });
  const [connection] = await database.db
    .insert(calendarConnections)
    .values({
      userId: 'bench-guide',
      provider: 'caldav',
      displayName: 'Radicale',
      serverUrl: radicale.url,
      username: radicale.username,
      credentials: encryptCredentials(key, radicale.password),
      createdAt: now,
    })
    .returning();
  if (!connection) throw new Error('no connection row');

  // Radicale builds its item cache on the first read; one warm-up listing keeps that out of our figure.
  const warmStarted = performance.now();
  for (const slug of CALENDARS) await radicale.listEvents(`${radicale.homeUrl}${slug}/`);
  console.log(
    `Radicale warm-up (its own item cache): ${((performance.now() - warmStarted) / 1000).toFixed(1)} s`,
  );
  const firstStarted = performance.now();
  const first = await syncConnection(database.db, key, connection.id, now);
  const firstMs = performance.now() - firstStarted;
  const cached = await database.db.$count(calendarBusyIntervals);
  const secondStarted = performance.now();
  const second = await syncConnection(database.db, key, connection.id, new Date(now.getTime() + 60_000));
  const secondMs = performance.now() - secondStarted;

  console.log(
    `First full sync: ${firstMs.toFixed(0)} ms (target <= ${TARGET_MS} ms) -> ${first?.calendarsRead} calendars read, ${cached} busy intervals cached, ${first?.warnings.length} warnings, status ${first?.status}`,
  );
  console.log(
    `Incremental sync, nothing changed: ${secondMs.toFixed(0)} ms -> ${second?.calendarsUnchanged} calendars unchanged, ${second?.calendarsRead} read`,
  );
  if (first?.error) console.log(`Sync error: ${first.error}`);
  console.log(firstMs <= TARGET_MS ? 'First sync within target.' : 'First sync OVER target.');
} finally {
  await database.close();
  await radicale.close();
}
