import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { ReminderFacts } from '../../domain/reminders/reminder-facts';
import type { Db } from '../db/client';
import { rowsOf, uuidArray } from '../db/raw-rows';
import { journalEntries, reflections, relationships } from '../db/schema';
import { loadMomentumRows, type MomentumRows } from '../relationships/load-momentum-rows';
import { momentumFactsOf, momentumRowWindow } from '../relationships/momentum-facts';
import type { RelationshipReminderInput, ReminderFactsSource } from './reminder-source';

/** Relationships loaded per round of set queries: big enough to be few rounds, small enough for memory. */
export const REMINDER_SWEEP_BATCH = 5_000;

type ActiveRelationship = {
  id: string;
  memberId: string;
  guideId: string;
  plannedEndDate: string | null;
};

// The reminder sweep's view of every active relationship: the same facts momentum is computed from,
// plus ids so each reminder is sent once. It reads in sets (one query for the active relationships,
// then seven per batch of REMINDER_SWEEP_BATCH), not per relationship, so a sweep over tens of
// thousands of pairs costs a handful of queries.
export function relationshipReminderSource(db: Db): ReminderFactsSource {
  return async (now) => {
    const active = await db
      .select({
        id: relationships.id,
        memberId: relationships.memberId,
        guideId: relationships.guideId,
        plannedEndDate: relationships.plannedEndDate,
      })
      .from(relationships)
      .where(eq(relationships.status, 'active'))
      .orderBy(relationships.id);
    const pairs = active.filter(
      (rel): rel is ActiveRelationship => rel.memberId !== null && rel.guideId !== null,
    );
    const inputs: RelationshipReminderInput[] = [];
    for (let offset = 0; offset < pairs.length; offset += REMINDER_SWEEP_BATCH) {
      inputs.push(...(await loadBatch(db, pairs.slice(offset, offset + REMINDER_SWEEP_BATCH), now)));
    }
    return inputs;
  };
}

async function loadBatch(db: Db, batch: ActiveRelationship[], now: Date) {
  const ids = batch.map((rel) => rel.id);
  const inIds = (column: typeof journalEntries.relationshipId | typeof reflections.relationshipId) =>
    sql`${column} = any(${uuidArray(ids)}::uuid[])`;
  const [loaded, decisions, midpoints, booked] = await Promise.all([
    loadMomentumRows(db, ids, now),
    db
      .select({
        id: journalEntries.id,
        relationshipId: journalEntries.relationshipId,
        body: journalEntries.body,
        decision: journalEntries.decision,
        followUpAnswers: journalEntries.followUpAnswers,
        createdAt: journalEntries.createdAt,
      })
      .from(journalEntries)
      .where(and(inIds(journalEntries.relationshipId), eq(journalEntries.kind, 'decision')))
      .orderBy(journalEntries.createdAt, journalEntries.id),
    db
      .select({ relationshipId: reflections.relationshipId, authorId: reflections.authorId })
      .from(reflections)
      .where(and(inIds(reflections.relationshipId), eq(reflections.kind, 'midpoint'))),
    nextBookedAfterWindow(db, ids, now),
  ]);
  const decisionsOf = groupBy(decisions, (d) => d.relationshipId ?? '');
  const midpointAuthors = groupBy(midpoints, (m) => m.relationshipId);

  const inputs: RelationshipReminderInput[] = [];
  for (const rel of batch) {
    const rows = loaded.get(rel.id);
    if (!rows) continue;
    const authors = new Set((midpointAuthors.get(rel.id) ?? []).map((m) => m.authorId));
    const facts = reminderFactsOf(rel, rows, booked.get(rel.id) ?? null, {
      decisions: (decisionsOf.get(rel.id) ?? []).map((d) => ({
        id: d.id,
        title: d.decision?.decision ?? d.body.slice(0, 80),
        createdAt: d.createdAt.toISOString(),
        answered: d.followUpAnswers.map((answer) => answer.afterDays),
      })),
      midpointCheckIn: { member: authors.has(rel.memberId), guide: authors.has(rel.guideId) },
    });
    inputs.push({ facts, people: { member: rel.memberId, guide: rel.guideId } });
  }
  return inputs;
}

type BookedSession = MomentumRows['records']['sessions'][number];

// momentumRowWindow leaves out sessions booked beyond the agenda horizon (they cannot change momentum),
// but one of them is enough to hold back the cadence reminder ("book the next session"): the first per
// relationship, by the same index range the window uses.
async function nextBookedAfterWindow(db: Db, ids: string[], now: Date) {
  const after = momentumRowWindow(now).upcomingUntil.toISOString();
  const result = await db.execute(sql`
    select r.id as relationship_id, s.id, floor(extract(epoch from s.starts_at) * 1000)::float8 as starts_at,
      s.agenda_topic
    from unnest(${uuidArray(ids)}::uuid[]) as r(id)
    cross join lateral (
      select id, starts_at, agenda_topic from sessions
        where relationship_id = r.id and status = 'scheduled' and starts_at > ${after}::timestamptz
        order by starts_at, id limit 1) as s`);
  type Row = { relationship_id: string; id: string; starts_at: number; agenda_topic: string };
  return new Map<string, BookedSession>(
    rowsOf<Row>(result).map((row) => [
      row.relationship_id,
      {
        id: row.id,
        startsAt: new Date(row.starts_at),
        status: 'scheduled',
        agendaTopic: row.agenda_topic,
      },
    ]),
  );
}

function reminderFactsOf(
  rel: ActiveRelationship,
  rows: MomentumRows,
  bookedLater: BookedSession | null,
  journal: Pick<ReminderFacts, 'decisions' | 'midpointCheckIn'>,
): ReminderFacts {
  // The later booking starts after every scheduled session in the window, so start order holds.
  const sessionRows = bookedLater ? [...rows.records.sessions, bookedLater] : rows.records.sessions;
  const actionRows = rows.records.actions;
  const base = momentumFactsOf(
    rows.rel,
    rows.cadence,
    { sessions: sessionRows, actions: actionRows, pulses: rows.records.pulses },
    rows.zoneOf,
  );
  const lastHeld = sessionRows.filter((s) => s.status === 'held').at(-1);
  const scheduled = sessionRows.filter((s) => s.status === 'scheduled');
  return {
    ...base,
    relationshipId: rel.id,
    plannedEndAt: rel.plannedEndDate
      ? Temporal.PlainDate.from(rel.plannedEndDate)
          .toZonedDateTime({ timeZone: rows.zoneOf(rel.memberId) })
          .toInstant()
          .toString()
      : null,
    upcomingSessions: scheduled.map((s, index) => ({
      id: s.id,
      ...(base.upcomingSessions[index] ?? { startsAt: '', agendaSet: false }),
    })),
    lastHeldSession: lastHeld ? { id: lastHeld.id, startsAt: lastHeld.startsAt.toISOString() } : null,
    actions: actionRows.map((a, index) => ({
      id: a.id,
      title: a.title,
      owner: a.ownerId === rel.guideId ? 'guide' : 'member',
      dueAt: base.actions[index]?.dueAt ?? null,
      status: a.status,
    })),
    ...journal,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
