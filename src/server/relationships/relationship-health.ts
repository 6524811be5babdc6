import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import { computeMomentum, type Momentum } from '../../domain/momentum/compute-momentum';
import { MOMENTUM_WINDOW_DAYS } from '../../domain/settings/momentum';
import type { Db, Tx } from '../db/client';
import { actions, agreements, relationshipMessages, sessionPulses, sessions } from '../db/schema';
import type { Person, RelationshipRow } from './load-relationship';
import { momentumFactsOf } from './momentum-facts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export type Tracking = {
  cadence: { heldLast30Days: number; expectedPer30Days: number; kept: boolean };
  replies: { onTime: number; total: number; agreedWithin: string };
  preparation: { withPreNote: number; held: number };
};

// Momentum and agreement tracking come from the same facts, so both people and (later) program admins
// see one consistent picture computed at the injected "now".
// The records momentum, tracking and reminders are computed from: the accepted terms (or the kind's
// defaults until there are some), sessions and pulses in the orders momentumFactsOf expects, actions.
export async function loadRelationshipRecords(db: Db | Tx, rel: RelationshipRow) {
  const [agreement] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.relationshipId, rel.id), eq(agreements.status, 'accepted')))
    .orderBy(desc(agreements.version))
    .limit(1);
  const terms = agreement?.terms ?? defaultAgreementTerms(rel.kind);
  const sessionRows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.relationshipId, rel.id))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
  const actionRows = await db.select().from(actions).where(eq(actions.relationshipId, rel.id));
  const pulseRows =
    sessionRows.length === 0
      ? []
      : await db
          .select()
          .from(sessionPulses)
          .where(
            inArray(
              sessionPulses.sessionId,
              sessionRows.map((s) => s.id),
            ),
          )
          .orderBy(asc(sessionPulses.createdAt), asc(sessionPulses.sessionId), asc(sessionPulses.userId));
  return { terms, sessionRows, actionRows, pulseRows };
}

export async function relationshipHealth(
  db: Db | Tx,
  rel: RelationshipRow,
  people: Map<string, Person>,
  now: Date,
): Promise<{ momentum: Momentum; tracking: Tracking }> {
  const { terms, sessionRows, actionRows, pulseRows } = await loadRelationshipRecords(db, rel);
  const held = sessionRows.filter((s) => s.status === 'held');
  const zoneOf = (userId: string) => people.get(userId)?.timeZone ?? 'UTC';

  const momentum = computeMomentum(
    momentumFactsOf(
      rel,
      terms.cadence,
      { sessions: sessionRows, actions: actionRows, pulses: pulseRows },
      zoneOf,
    ),
    now.toISOString(),
  );

  const messages = await db
    .select()
    .from(relationshipMessages)
    .where(eq(relationshipMessages.relationshipId, rel.id))
    .orderBy(asc(relationshipMessages.createdAt));
  const allowedMs =
    terms.responsiveness.within * (terms.responsiveness.unit === 'hours' ? MS_PER_HOUR : MS_PER_DAY);
  // A reply is the first message from one person after a message from the other.
  let onTime = 0;
  let total = 0;
  for (let i = 1; i < messages.length; i += 1) {
    const previous = messages[i - 1];
    const current = messages[i];
    if (!previous || !current || previous.authorId === current.authorId) continue;
    total += 1;
    if (current.createdAt.getTime() - previous.createdAt.getTime() <= allowedMs) onTime += 1;
  }
  const windowStart = now.getTime() - MOMENTUM_WINDOW_DAYS * MS_PER_DAY;
  const heldLast30Days = held.filter((s) => s.startsAt.getTime() >= windowStart && s.startsAt <= now).length;
  const expected = momentum.metrics.expectedSessionsPer30Days;
  return {
    momentum,
    tracking: {
      cadence: { heldLast30Days, expectedPer30Days: expected, kept: heldLast30Days >= expected },
      replies: {
        onTime,
        total,
        agreedWithin: `${terms.responsiveness.within} ${terms.responsiveness.unit}`,
      },
      preparation: { withPreNote: held.filter((s) => s.preNote.trim() !== '').length, held: held.length },
    },
  };
}
