// Data generator for bench/dashboard.ts: one cohort of pairs with months of sessions, next steps,
// pulses, agreements, closing retrospectives and problem reports, written with bulk `unnest` inserts.
// Every pair follows one of a few habits (steady, wobbly, lapsed, late start, closed, falling ratings)
// so the dashboard's health states really vary. Fixed seed: every run writes the same rows.
import type pg from 'pg';
import { defaultAgreementTerms } from '../src/domain/agreements/agreement-terms';
import type { Cadence, RelationshipKind } from '../src/domain/agreements/vocabulary';
import { CADENCE_INTERVAL_DAYS } from '../src/domain/settings/agreements';
import { mulberry32 } from './prng';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CHUNK = 10_000;

export type SeedOptions = {
  cohortId: string;
  cohortStart: Date;
  now: Date;
  pairs: number;
  sessions: number;
  seed: number;
  log: (line: string) => void;
};

export type SeedCounts = Record<
  'users' | 'relationships' | 'agreements' | 'sessions' | 'actions' | 'pulses' | 'reflections' | 'reports',
  number
>;

type Habit = 'steady' | 'wobbly' | 'lapsed' | 'late' | 'closed';
type Pair = {
  id: string;
  memberId: string;
  guideId: string;
  kind: RelationshipKind;
  framing: 'ad-hoc' | 'goal-oriented' | 'time-framed';
  cadence: Cadence;
  habit: Habit;
  falling: boolean;
  acceptedAt: number;
  closedAt: number | null;
  pulseMean: number;
};
type SessionRow = { id: string; pair: Pair; at: number; status: string; agenda: string; template: string };

const zones = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Pacific/Auckland',
  'Pacific/Honolulu',
] as const;

// Deterministic ids, so a kept database can be compared across runs.
const uuid = (tag: number, n: number) =>
  `${tag.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

export async function seedCohort(pool: pg.ClientBase, options: SeedOptions): Promise<SeedCounts> {
  const rand = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const chance = (p: number) => rand() < p;
  const now = options.now.getTime();
  const start = options.cohortStart.getTime();
  const guideCount = Math.ceil(options.pairs / 2.5);

  // People: a member per pair, guides with two or three pairs each, all in varied time zones.
  const userIds: string[] = [];
  const userZones: string[] = [];
  for (let i = 0; i < options.pairs; i += 1) {
    userIds.push(`bench-member-${i}`);
    userZones.push(pick(zones));
  }
  for (let g = 0; g < guideCount; g += 1) {
    userIds.push(`bench-guide-${g}`);
    userZones.push(pick(zones));
  }
  await bulkInsert(pool, 'user', options.log, [
    ['id', 'text', userIds],
    ['name', 'text', userIds.map((id) => id.replace('bench-', '').replace('-', ' '))],
    ['email', 'text', userIds.map((id) => `${id}@bench.test`)],
    ['time_zone', 'text', userZones],
  ]);
  const zoneOf = new Map(userIds.map((id, i) => [id, userZones[i] ?? 'UTC']));

  const pairs: Pair[] = [];
  for (let i = 0; i < options.pairs; i += 1) {
    const r = rand();
    const habit: Habit =
      r < 0.6 ? 'steady' : r < 0.77 ? 'wobbly' : r < 0.88 ? 'lapsed' : r < 0.93 ? 'late' : 'closed';
    const acceptedAt = start + Math.floor(rand() * 14) * DAY + (8 + Math.floor(rand() * 10)) * HOUR;
    pairs.push({
      id: uuid(0x7e1a, i),
      memberId: `bench-member-${i}`,
      guideId: `bench-guide-${i % guideCount}`,
      kind: pick(['mentoring', 'mentoring', 'coaching', 'peer'] as const),
      framing: chance(0.05) ? 'ad-hoc' : chance(0.2) ? 'goal-oriented' : 'time-framed',
      cadence: pick(['weekly', 'weekly', 'biweekly', 'biweekly', 'biweekly', 'monthly'] as const),
      habit,
      falling: chance(0.07),
      acceptedAt,
      closedAt: habit === 'closed' ? now - Math.floor((5 + rand() * 120) * DAY) : null,
      pulseMean: 3.3 + rand() * 1.6,
    });
  }
  await bulkInsert(pool, 'relationships', options.log, [
    ['id', 'uuid', pairs.map((p) => p.id)],
    ['member_id', 'text', pairs.map((p) => p.memberId)],
    ['guide_id', 'text', pairs.map((p) => p.guideId)],
    ['invited_by', 'text', pairs.map((p) => p.memberId)],
    ['invitee_email', 'text', pairs.map((p) => `${p.guideId}@bench.test`)],
    ['invite_token_hash', 'text', pairs.map((p) => `bench-token-${p.id}`)],
    ['kind', 'text', pairs.map((p) => p.kind)],
    ['framing', 'text', pairs.map((p) => p.framing)],
    ['start_date', 'date', pairs.map((p) => isoDate(p.acceptedAt))],
    ['status', 'text', pairs.map((p) => (p.closedAt === null ? 'active' : 'closed'))],
    ['created_at', 'timestamptz', pairs.map((p) => iso(p.acceptedAt - 2 * DAY))],
    ['accepted_at', 'timestamptz', pairs.map((p) => iso(p.acceptedAt))],
    ['closed_at', 'timestamptz', pairs.map((p) => (p.closedAt === null ? null : iso(p.closedAt)))],
    ['cohort_id', 'uuid', pairs.map(() => options.cohortId)],
  ]);

  // One accepted agreement each; one pair in ten changed its cadence along the way (version 2).
  const agreementRows: { pair: Pair; version: number; cadence: Cadence; status: string }[] = [];
  for (const pair of pairs) {
    if (chance(0.1)) {
      agreementRows.push({
        pair,
        version: 1,
        cadence: pick(['weekly', 'monthly'] as const),
        status: 'superseded',
      });
      agreementRows.push({ pair, version: 2, cadence: pair.cadence, status: 'accepted' });
    } else agreementRows.push({ pair, version: 1, cadence: pair.cadence, status: 'accepted' });
  }
  await bulkInsert(pool, 'agreements', options.log, [
    ['relationship_id', 'uuid', agreementRows.map((a) => a.pair.id)],
    ['version', 'int', agreementRows.map((a) => a.version)],
    [
      'terms',
      'jsonb',
      agreementRows.map((a) => JSON.stringify({ ...defaultAgreementTerms(a.pair.kind), cadence: a.cadence })),
    ],
    ['status', 'text', agreementRows.map((a) => a.status)],
    ['proposed_by', 'text', agreementRows.map((a) => a.pair.memberId)],
    [
      'proposed_at',
      'timestamptz',
      agreementRows.map((a) => iso(a.pair.acceptedAt + (a.version - 1) * 40 * DAY)),
    ],
    ['accepted_by', 'text', agreementRows.map((a) => a.pair.guideId)],
    [
      'accepted_at',
      'timestamptz',
      agreementRows.map((a) => iso(a.pair.acceptedAt + (a.version - 1) * 40 * DAY)),
    ],
  ]);

  // Sessions on each pair's rhythm, with skips, cancellations and no-shows; lapsed and closed pairs
  // stop meeting at some point, late pairs start weeks after the match, the rest book ahead.
  const skipChance: Record<Habit, number> = {
    steady: 0.03,
    wobbly: 0.25,
    lapsed: 0.05,
    late: 0.08,
    closed: 0.04,
  };
  const perPair: SessionRow[][] = [];
  let total = 0;
  for (const pair of pairs) {
    const interval = CADENCE_INTERVAL_DAYS[pair.cadence] * DAY;
    const stopAt =
      pair.habit === 'lapsed'
        ? now - (8 + rand() * 80) * DAY
        : pair.closedAt !== null
          ? pair.closedAt - DAY
          : now + 2 * interval;
    let at = pair.acceptedAt + (pair.habit === 'late' ? (15 + rand() * 200) * DAY : (3 + rand() * 7) * DAY);
    const rows: SessionRow[] = [];
    while (at < stopAt) {
      const hour = Math.round(at / HOUR) * HOUR;
      if (hour <= now) {
        if (!chance(skipChance[pair.habit])) {
          const r = rand();
          const status = r < 0.9 ? 'held' : r < 0.97 ? 'cancelled' : 'no-show';
          rows.push({
            id: '',
            pair,
            at: hour,
            status,
            agenda: chance(0.9) ? 'Topic' : '',
            template: 'regular',
          });
          // Steady pairs make a missed session up within the same week, as the method suggests.
          if (status !== 'held' && pair.habit === 'steady' && hour + 2 * DAY <= now) {
            rows.push({
              id: '',
              pair,
              at: hour + 2 * DAY,
              status: 'held',
              agenda: 'Topic',
              template: 'regular',
            });
          }
        }
      } else {
        rows.push({
          id: '',
          pair,
          at: hour,
          status: 'scheduled',
          agenda: chance(0.7) ? 'Topic' : '',
          template: 'regular',
        });
      }
      at += interval + (rand() - 0.5) * 0.3 * interval;
    }
    // A lapsed pair sometimes has booked its way back.
    if (pair.habit === 'lapsed' && chance(0.3)) {
      rows.push({
        id: '',
        pair,
        at: Math.round((now + rand() * 10 * DAY) / HOUR) * HOUR,
        status: 'scheduled',
        agenda: '',
        template: 'regular',
      });
    }
    perPair.push(rows);
    total += rows.length;
  }
  // Trim to the exact number asked for by dropping sessions from the older history at random (as if
  // those weeks were skipped); the last 45 days, which decide the states, stay as generated.
  if (total > options.sessions) {
    const old: [number, number][] = [];
    perPair.forEach((rows, p) => {
      rows.forEach((row, s) => {
        if (s > 0 && row.at < now - 45 * DAY) old.push([p, s]);
      });
    });
    const drop = Math.min(total - options.sessions, old.length);
    for (let i = 0; i < drop; i += 1) {
      const j = i + Math.floor(rand() * (old.length - i));
      [old[i], old[j]] = [old[j] as [number, number], old[i] as [number, number]];
    }
    const dropped = new Set(old.slice(0, drop).map(([p, s]) => `${p}:${s}`));
    perPair.forEach((rows, p) => {
      perPair[p] = rows.filter((_, s) => !dropped.has(`${p}:${s}`));
    });
  } else if (total < options.sessions) {
    options.log(
      `Generated only ${total.toLocaleString()} sessions (asked for ${options.sessions.toLocaleString()})`,
    );
  }
  const sessionRows: SessionRow[] = [];
  for (const rows of perPair) {
    rows.forEach((row, index) => {
      row.template =
        index === 0 ? 'first' : row.pair.closedAt !== null && index === rows.length - 1 ? 'last' : 'regular';
      row.id = uuid(0x5e55, sessionRows.length);
      sessionRows.push(row);
    });
  }
  await bulkInsert(pool, 'sessions', options.log, [
    ['id', 'uuid', sessionRows.map((s) => s.id)],
    ['relationship_id', 'uuid', sessionRows.map((s) => s.pair.id)],
    ['starts_at', 'timestamptz', sessionRows.map((s) => iso(s.at))],
    ['ends_at', 'timestamptz', sessionRows.map((s) => iso(s.at + HOUR))],
    ['booked_time_zone', 'text', sessionRows.map((s) => zoneOf.get(s.pair.memberId) ?? 'UTC')],
    ['template', 'text', sessionRows.map((s) => s.template)],
    ['agenda_topic', 'text', sessionRows.map((s) => s.agenda)],
    ['status', 'text', sessionRows.map((s) => s.status)],
    ['created_by', 'text', sessionRows.map((s) => s.pair.memberId)],
    ['created_at', 'timestamptz', sessionRows.map((s) => iso(Math.min(now, s.at - 7 * DAY)))],
    ['closed_at', 'timestamptz', sessionRows.map((s) => (s.status === 'held' ? iso(s.at + HOUR) : null))],
  ]);

  // Next steps from held sessions: most are done in time, some stay open past their date (more so
  // for pairs that lost their rhythm), a few are renegotiated or dropped. Pulses from both sides.
  const noNextStep: Record<Habit, number> = {
    steady: 0.04,
    wobbly: 0.2,
    lapsed: 0.15,
    late: 0.1,
    closed: 0.05,
  };
  const actionCols = {
    id: [] as string[],
    rel: [] as string[],
    session: [] as string[],
    owner: [] as string[],
  };
  const actionMore = {
    kind: [] as string[],
    due: [] as string[],
    status: [] as string[],
    created: [] as string[],
    updated: [] as string[],
  };
  const pulse = {
    session: [] as string[],
    user: [] as string[],
    score: [] as number[],
    word: [] as string[],
    at: [] as string[],
  };
  for (const rows of perPair) {
    const held = rows.filter((s) => s.status === 'held');
    held.forEach((s, index) => {
      const pair = s.pair;
      const steps = chance(noNextStep[pair.habit]) ? 0 : chance(0.7) ? 1 : 2;
      for (let k = 0; k < steps; k += 1) {
        const dueMs = s.at + (chance(0.6) ? 7 : 14) * DAY;
        const age = now - dueMs;
        const r = rand();
        // Old next steps are mostly settled; pairs that lost their rhythm leave more of them open.
        const drifting = pair.habit === 'lapsed' || pair.habit === 'wobbly';
        const openShare = drifting ? 0.06 : 0.005;
        const status =
          age > 10 * DAY
            ? r < openShare
              ? 'open'
              : r < 0.92
                ? 'done'
                : r < 0.96
                  ? 'renegotiated'
                  : 'dropped'
            : age > 0
              ? r < (drifting ? 0.45 : 0.08)
                ? 'open'
                : 'done'
              : r < 0.7
                ? 'open'
                : 'done';
        const created = s.at + HOUR;
        actionCols.id.push(uuid(0xac70, actionCols.id.length));
        actionCols.rel.push(pair.id);
        actionCols.session.push(s.id);
        actionCols.owner.push(chance(0.8) ? pair.memberId : pair.guideId);
        actionMore.kind.push(chance(0.7) ? 'practical' : 'reflective');
        actionMore.due.push(isoDate(dueMs));
        actionMore.status.push(status);
        actionMore.created.push(iso(created));
        actionMore.updated.push(
          iso(status === 'open' ? created : Math.min(now, created + rand() * (dueMs - created + 3 * DAY))),
        );
      }
      const latest = held.length - index <= 4;
      for (const [userId, p] of [
        [pair.memberId, 0.75],
        [pair.guideId, 0.55],
      ] as const) {
        if (!chance(p)) continue;
        const mean = pair.falling && latest ? pair.pulseMean - 1.8 : pair.pulseMean;
        const score = Math.max(1, Math.min(5, Math.round(mean + (rand() - 0.5) * 1.1)));
        pulse.session.push(s.id);
        pulse.user.push(userId);
        pulse.score.push(score);
        pulse.word.push(score >= 4 ? 'useful' : score === 3 ? 'fine' : 'flat');
        pulse.at.push(iso(Math.min(now - 60_000, s.at + HOUR + rand() * 40 * HOUR)));
      }
    });
  }
  await bulkInsert(pool, 'actions', options.log, [
    ['id', 'uuid', actionCols.id],
    ['relationship_id', 'uuid', actionCols.rel],
    ['session_id', 'uuid', actionCols.session],
    ['owner_id', 'text', actionCols.owner],
    ['kind', 'text', actionMore.kind],
    ['title', 'text', actionMore.kind.map(() => 'Next step')],
    ['due_date', 'date', actionMore.due],
    ['status', 'text', actionMore.status],
    ['created_at', 'timestamptz', actionMore.created],
    ['updated_at', 'timestamptz', actionMore.updated],
  ]);
  await bulkInsert(pool, 'session_pulses', options.log, [
    ['session_id', 'uuid', pulse.session],
    ['user_id', 'text', pulse.user],
    ['score', 'int', pulse.score],
    ['word', 'text', pulse.word],
    ['created_at', 'timestamptz', pulse.at],
  ]);

  // Closing retrospectives from closed pairs, and a few problem reports for the admin to read.
  const retro = { rel: [] as string[], author: [] as string[], answers: [] as string[], at: [] as string[] };
  const report = {
    rel: [] as string[],
    reporter: [] as string[],
    kind: [] as string[],
    details: [] as string[],
    at: [] as string[],
  };
  for (const pair of pairs) {
    if (pair.closedAt !== null) {
      for (const [author, p] of [
        [pair.memberId, 0.9],
        [pair.guideId, 0.7],
      ] as const) {
        if (!chance(p)) continue;
        const goalAchieved = pick(['yes', 'yes', 'partly', 'partly', 'no'] as const);
        retro.rel.push(pair.id);
        retro.author.push(author);
        retro.answers.push(JSON.stringify({ takeaways: 'Private words the admin never sees', goalAchieved }));
        retro.at.push(iso(pair.closedAt));
      }
    }
    if (chance(0.006)) {
      report.rel.push(pair.id);
      report.reporter.push(chance(0.6) ? pair.memberId : pair.guideId);
      report.kind.push(pick(['no-show', 'no-show', 'misconduct', 'other'] as const));
      report.details.push('What happened, in the reporter’s words, for the program admin.');
      report.at.push(iso(now - rand() * 60 * DAY));
    }
  }
  await bulkInsert(pool, 'relationship_reflections', options.log, [
    ['relationship_id', 'uuid', retro.rel],
    ['author_id', 'text', retro.author],
    ['kind', 'text', retro.rel.map(() => 'retrospective')],
    ['answers', 'jsonb', retro.answers],
    ['created_at', 'timestamptz', retro.at],
  ]);
  await bulkInsert(pool, 'relationship_problem_reports', options.log, [
    ['relationship_id', 'uuid', report.rel],
    ['reporter_id', 'text', report.reporter],
    ['kind', 'text', report.kind],
    ['details', 'text', report.details],
    ['created_at', 'timestamptz', report.at],
  ]);

  return {
    users: userIds.length,
    relationships: pairs.length,
    agreements: agreementRows.length,
    sessions: sessionRows.length,
    actions: actionCols.id.length,
    pulses: pulse.session.length,
    reflections: retro.rel.length,
    reports: report.rel.length,
  };
}

type Column = [name: string, type: string, values: readonly (string | number | null)[]];

// One `insert … select from unnest(…)` per chunk of rows: a handful of parameters per statement
// whatever the row count, so half a million rows go in within seconds.
async function bulkInsert(
  pool: pg.ClientBase,
  table: string,
  log: (line: string) => void,
  columns: Column[],
) {
  const rows = columns[0]?.[2].length ?? 0;
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const started = performance.now();
  for (let offset = 0; offset < rows; offset += CHUNK) {
    await pool.query(
      `insert into "${table}" (${names}) select * from unnest(${arrays})`,
      columns.map(([, , values]) => values.slice(offset, offset + CHUNK)),
    );
    if (rows > 5 * CHUNK && (offset / CHUNK) % 10 === 9)
      log(`  ${table}: ${Math.min(rows, offset + CHUNK).toLocaleString()} / ${rows.toLocaleString()}`);
  }
  log(`${table}: ${rows.toLocaleString()} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
