// Open slots and booking benchmark (issue 13). Prints figures; it does not pass or fail.
// (a) 8 weeks of slots for a guide whose 3 calendars hold 5,000 events over a year (200 of them weekly
//     series, expanded), fed through an in-memory BusyReader: the pure rule alone, and the real API route
//     (in-process app.request against PostgreSQL). p95 over BENCH_REQUESTS requests; target ≤ 30 ms.
// (b) 50 members race for the same 10 slots of that guide through the booking route: expect exactly
//     10 sessions, 40 clear 409s, 0 5xx.
// Run: npm run bench:slots
//   BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_REQUESTS       timed requests per series (default 200)
import pg from 'pg';
import { defaultAgreementTerms } from '../src/domain/agreements/agreement-terms';
import { defaultBookingRules } from '../src/domain/scheduling/booking-rules';
import { type MsInterval, openSlots } from '../src/domain/scheduling/open-slots';
import { buildApp } from '../src/server/app';
import { createAuth } from '../src/server/auth/auth';
import { noSessions } from '../src/server/calendar/session-source';
import { calendarKeyFrom } from '../src/server/calendar-sync/credentials';
import { openDatabase } from '../src/server/db/client';
import { createOutboxMailer } from '../src/server/mail/mailer';
import type { BusyInterval, BusyReader } from '../src/server/scheduling/busy-reader';
import { BENCH_BASE_URL, cookieOf } from './in-process-app';
import { mulberry32 } from './prng';
import { percentile } from './stats';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Math.max(200, Number(process.env.BENCH_REQUESTS ?? 200));
const NOW = new Date('2027-01-04T08:00:00Z');
const DAY = 86_400_000;
const MIN = 60_000;
const EVENTS = 5_000;
const SERIES = 200;
const CALENDARS = 3;
const RACERS = 50;
const RACE_SLOTS = 10;

// 4,800 single events and 200 weekly series over a year, spread over 3 calendars, mostly in working hours.
function busyYear(): BusyInterval[] {
  const random = mulberry32(13);
  const yearStart = NOW.getTime() - 30 * DAY;
  const busy: BusyInterval[] = [];
  const eventAt = (day: number) => {
    const start = yearStart + day * DAY + (6 + Math.floor(random() * 26) / 2) * 3_600_000;
    return { start, end: start + (15 + Math.floor(random() * 8) * 15) * MIN };
  };
  for (let i = 0; i < EVENTS - SERIES; i += 1) {
    const { start, end } = eventAt(Math.floor(random() * 365));
    busy.push({ start: new Date(start), end: new Date(end) });
  }
  for (let s = 0; s < SERIES; s += 1) {
    const first = eventAt(Math.floor(random() * 60));
    const weeks = 10 + Math.floor(random() * 42);
    for (let w = 0; w < weeks; w += 1) {
      busy.push({ start: new Date(first.start + w * 7 * DAY), end: new Date(first.end + w * 7 * DAY) });
    }
  }
  return busy;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main() {
  const name = `corner_bench_slots_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await database.migrate();
    const guideBusy = busyYear();
    const perCalendar = Math.ceil(guideBusy.length / CALENDARS);
    console.log(
      `guide calendars: ${CALENDARS}, ${EVENTS} events (${SERIES} weekly series) = ${guideBusy.length} busy intervals over a year (~${perCalendar} per calendar)`,
    );
    let guideId = '';
    const inMemory: BusyReader = async (_db, userIds, window) => ({
      busy: new Map(
        userIds.map((id) => [
          id,
          id === guideId ? guideBusy.filter((b) => b.start < window.to && b.end > window.from) : [],
        ]),
      ),
      unreadable: [],
    });
    const auth = createAuth({
      db: database.db,
      secret: 'bench-secret-that-is-long-enough-for-better-auth',
      baseUrl: BENCH_BASE_URL,
      trustedOrigins: [BENCH_BASE_URL],
    });
    const app = buildApp({
      db: database.db,
      auth,
      clock: () => NOW,
      mailer: createOutboxMailer(database.db),
      // Booking mails are not what is measured: the queue only counts them.
      jobs: { enqueue: async () => {} },
      sessionSource: noSessions,
      busyReader: inMemory,
      calendarKey: calendarKeyFrom('bench-calendar-key-that-is-long-enough'),
      databaseKind: 'postgres',
    });
    let address = 0;
    const from = () => ({ incoming: { socket: { remoteAddress: `fd00::b:${(++address).toString(16)}` } } });
    const signUp = async (person: string) => {
      const email = `${person.toLowerCase().replace(/\W+/g, '.')}.${address}@bench.test`;
      const response = await app.request(
        '/api/auth/sign-up/email',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BENCH_BASE_URL },
          body: JSON.stringify({
            name: person,
            email,
            password: 'correct-horse-battery',
            timeZone: 'Asia/Tokyo',
          }),
        },
        from(),
      );
      if (response.status !== 200) throw new Error(`sign-up failed: ${response.status}`);
      const cookie = cookieOf(response);
      const userId = ((await response.json()) as { user: { id: string } }).user.id;
      const call = async (path: string, method = 'GET', body?: unknown) =>
        app.request(
          path,
          {
            method,
            headers: {
              cookie,
              origin: BENCH_BASE_URL,
              ...(body ? { 'content-type': 'application/json' } : {}),
            },
            ...(body ? { body: JSON.stringify(body) } : {}),
          },
          from(),
        );
      return { email, userId, call };
    };
    const expectOk = async (response: Response, status = 200) => {
      if (response.status !== status) throw new Error(`${response.status}: ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };

    const setupStart = performance.now();
    const guide = await signUp('Bench Guide');
    guideId = guide.userId;
    await expectOk(
      await guide.call('/api/v1/me/guide-profile', 'PUT', {
        headline: 'Bench guide',
        bio: 'Many meetings.',
        kind: 'mentor',
        expertise: ['pricing'],
        formats: ['video'],
        languages: ['en'],
        timeZone: 'Europe/Berlin',
        availability: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, start: '08:00', end: '12:00' },
          { weekday, start: '13:00', end: '18:00' },
        ]),
        capacity: 50,
      }),
    );
    await expectOk(
      await guide.call('/api/v1/me/booking-rules', 'PUT', {
        ...defaultBookingRules,
        bufferAfterMinutes: 0,
        dailyLimit: null,
        weeklyLimit: null,
        bookingWindowDays: 90,
      }),
    );
    const pairs: { relationshipId: string; call: Awaited<ReturnType<typeof signUp>>['call'] }[] = [];
    for (let i = 0; i < RACERS; i += 1) {
      const member = await signUp(`Bench Member ${i}`);
      const created = (await expectOk(
        await member.call('/api/v1/relationships', 'POST', {
          inviteeEmail: guide.email,
          myRole: 'member',
          kind: 'mentoring',
          framing: 'goal-oriented',
        }),
        201,
      )) as { relationship: { id: string }; invitationLink: string };
      const token = created.invitationLink.split('/invitations/')[1] ?? '';
      await expectOk(await guide.call(`/api/v1/invitations/${token}/accept`, 'POST'));
      const relationshipId = created.relationship.id;
      const terms = defaultAgreementTerms('mentoring');
      await expectOk(
        await member.call(`/api/v1/relationships/${relationshipId}/agreements`, 'POST', { terms }),
      );
      await expectOk(await guide.call(`/api/v1/relationships/${relationshipId}/agreements/1/accept`, 'POST'));
      pairs.push({ relationshipId, call: member.call });
    }
    console.log(`setup: guide, ${RACERS} members and pairs in ${seconds(setupStart)}`);

    // (a) 8 weeks of slots.
    const rangeFrom = new Date(NOW.getTime() + 7 * DAY);
    const rangeTo = new Date(rangeFrom.getTime() + 56 * DAY);
    const busy: MsInterval[] = guideBusy
      .filter((b) => b.start < rangeTo && b.end > rangeFrom)
      .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
    const pure: number[] = [];
    let slotCount = 0;
    for (let i = 0; i < REQUESTS + 10; i += 1) {
      const started = performance.now();
      slotCount = openSlots({
        from: rangeFrom.getTime(),
        to: rangeTo.getTime(),
        now: NOW.getTime(),
        guideTimeZone: 'Europe/Berlin',
        availability: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday: weekday as 1, start: '08:00', end: '12:00' },
          { weekday: weekday as 1, start: '13:00', end: '18:00' },
        ]),
        rules: { ...defaultBookingRules, bookingWindowDays: 90 },
        minNoticeMinutes: 7 * 24 * 60,
        sessionMinutes: 60,
        busy,
        sessions: [],
      }).length;
      if (i >= 10) pure.push(performance.now() - started);
    }
    console.log(
      `(a) open slots, pure rule, 8 weeks, ${busy.length} busy intervals in range: ${slotCount} slots; p50 ${ms(percentile(pure, 50))}, p95 ${ms(percentile(pure, 95))} over ${pure.length} runs`,
    );
    const first = pairs[0];
    if (!first) throw new Error('no pair');
    const slotsPath = `/api/v1/relationships/${first.relationshipId}/slots?from=${rangeFrom.toISOString()}&to=${rangeTo.toISOString()}`;
    const api: number[] = [];
    let apiSlots: { start: string; end: string }[] = [];
    for (let i = 0; i < REQUESTS + 10; i += 1) {
      const started = performance.now();
      const answer = (await expectOk(await first.call(slotsPath))) as {
        slots: { start: string; end: string }[];
      };
      if (i >= 10) api.push(performance.now() - started);
      apiSlots = answer.slots;
    }
    console.log(
      `(a) GET /relationships/{id}/slots, 8 weeks, through the app on PostgreSQL: ${apiSlots.length} slots; p50 ${ms(percentile(api, 50))}, p95 ${ms(percentile(api, 95))}, max ${ms(Math.max(...api))} over ${api.length} requests (target p95 ≤ 30 ms)`,
    );

    // (b) 50 concurrent bookings for the same 10 non-overlapping slots.
    const chosen: { start: string; end: string }[] = [];
    for (const slot of apiSlots) {
      const last = chosen.at(-1);
      if (!last || Date.parse(slot.start) >= Date.parse(last.end)) chosen.push(slot);
      if (chosen.length === RACE_SLOTS) break;
    }
    const raceStart = performance.now();
    const statuses = await Promise.all(
      pairs.map(async (pair, i) => {
        const slot = chosen[i % RACE_SLOTS];
        const response = await pair.call(`/api/v1/relationships/${pair.relationshipId}/slots/book`, 'POST', {
          start: slot?.start,
        });
        const body = (await response.json()) as { code?: string; slots?: unknown[] };
        return { status: response.status, code: body.code, fresh: body.slots?.length ?? 0 };
      }),
    );
    const booked = statuses.filter((s) => s.status === 201).length;
    const conflicts = statuses.filter((s) => s.status === 409);
    const clear = conflicts.filter((s) => s.code === 'slot-taken' && s.fresh > 0).length;
    const serverErrors = statuses.filter((s) => s.status >= 500).length;
    const sessionRows = await database.db.execute(
      `select count(*)::int as n from sessions where guide_id = '${guideId}' and status = 'scheduled'`,
    );
    const rows = (sessionRows as unknown as { rows: { n: number }[] }).rows;
    console.log(
      `(b) ${RACERS} concurrent bookings for ${RACE_SLOTS} slots in ${seconds(raceStart)}: ${booked} booked, ${conflicts.length} × 409 (${clear} slot-taken with fresh slots), ${serverErrors} × 5xx, other ${statuses.length - booked - conflicts.length - serverErrors}; sessions in the database: ${rows[0]?.n}`,
    );
  } finally {
    await database.close();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
