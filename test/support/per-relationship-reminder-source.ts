import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { ReminderFacts } from '../../src/domain/reminders/reminder-facts';
import type { Db } from '../../src/server/db/client';
import { journalEntries, reflections, relationships } from '../../src/server/db/schema';
import type { ReminderFactsSource } from '../../src/server/notifications/reminder-source';
import { loadPeople } from '../../src/server/relationships/load-relationship';
import { momentumFactsOf } from '../../src/server/relationships/momentum-facts';
import { loadRelationshipRecords } from '../../src/server/relationships/relationship-health';

// The reminder sweep as it was before it loaded in sets: each active relationship read whole, one by
// one, with the pair's own loaders. Kept as the reference the set-based sweep is tested against.
export function perRelationshipReminderSource(db: Db): ReminderFactsSource {
  // Every active relationship counts whatever the time; the rules themselves apply `now`.
  return async () => {
    const active = await db.select().from(relationships).where(eq(relationships.status, 'active'));
    const inputs = [];
    for (const rel of active) {
      if (!rel.memberId || !rel.guideId) continue;
      const memberId = rel.memberId;
      const guideId = rel.guideId;
      const people = await loadPeople(db, [memberId, guideId]);
      const { terms, sessionRows, actionRows, pulseRows: pulses } = await loadRelationshipRecords(db, rel);
      const decisions = await db
        .select()
        .from(journalEntries)
        .where(and(eq(journalEntries.relationshipId, rel.id), eq(journalEntries.kind, 'decision')));
      const midpoints = await db
        .select({ authorId: reflections.authorId })
        .from(reflections)
        .where(and(eq(reflections.relationshipId, rel.id), eq(reflections.kind, 'midpoint')));
      const lastHeld = sessionRows.filter((s) => s.status === 'held').at(-1);
      const zoneOf = (userId: string) => people.get(userId)?.timeZone ?? 'UTC';
      const base = momentumFactsOf(
        rel,
        terms.cadence,
        { sessions: sessionRows, actions: actionRows, pulses },
        zoneOf,
      );
      // The reminder rules need ids (to send each reminder once) on top of the momentum facts.
      const facts: ReminderFacts = {
        ...base,
        relationshipId: rel.id,
        plannedEndAt: rel.plannedEndDate
          ? Temporal.PlainDate.from(rel.plannedEndDate)
              .toZonedDateTime({ timeZone: zoneOf(memberId) })
              .toInstant()
              .toString()
          : null,
        upcomingSessions: sessionRows
          .filter((s) => s.status === 'scheduled')
          .map((s, index) => ({
            id: s.id,
            ...(base.upcomingSessions[index] ?? { startsAt: '', agendaSet: false }),
          })),
        lastHeldSession: lastHeld ? { id: lastHeld.id, startsAt: lastHeld.startsAt.toISOString() } : null,
        actions: actionRows.map((a, index) => ({
          id: a.id,
          title: a.title,
          owner: a.ownerId === guideId ? 'guide' : 'member',
          dueAt: base.actions[index]?.dueAt ?? null,
          status: a.status,
        })),
        decisions: decisions.map((d) => ({
          id: d.id,
          title: d.decision?.decision ?? d.body.slice(0, 80),
          createdAt: d.createdAt.toISOString(),
          answered: d.followUpAnswers.map((answer) => answer.afterDays),
        })),
        midpointCheckIn: {
          member: midpoints.some((m) => m.authorId === memberId),
          guide: midpoints.some((m) => m.authorId === guideId),
        },
      };
      inputs.push({ facts, people: { member: memberId, guide: guideId } });
    }
    return inputs;
  };
}
