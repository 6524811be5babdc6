import { mulberry32 } from '../../bench/prng';
import { defaultAgreementTerms } from '../../src/domain/agreements/agreement-terms';
import type { Cadence, RelationshipKind } from '../../src/domain/agreements/vocabulary';
import type { Db } from '../../src/server/db/client';
import {
  actions,
  agreements,
  relationships,
  sessionPulses,
  sessions,
  user,
} from '../../src/server/db/schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Time zones at both ends of the clock, so "due by the end of the day where the owner lives" differs
// by more than a day between people.
const zones = [
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
];

export type VariedCohort = { relationshipIds: string[]; userIds: string[] };

/**
 * Pairs of every kind of history, written straight into the tables (so the triggers see them as any
 * write): cadences and framings, pairs with no accepted terms or a renegotiated cadence, invited pairs,
 * sessions held, cancelled, missed, booked with and without agenda (also one of blanks), held at the
 * same instant as another, held "in the future", on the edge of the 30-day window; actions due around
 * `now` for owners in far-apart zones, on the last session or not; pulses answered at the same instant,
 * late, or after `now`.
 */
export async function seedVariedCohort(
  db: Db,
  options: { cohortId: string | null; now: Date; pairs: number; seed: number; tag: string },
): Promise<VariedCohort> {
  const rand = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const chance = (p: number) => rand() < p;
  const now = options.now.getTime();
  const hourly = (ms: number) => new Date(Math.round(ms / HOUR) * HOUR);

  const userIds: string[] = [];
  const relationshipIds: string[] = [];
  for (let i = 0; i < options.pairs; i += 1) {
    const memberId = `${options.tag}-m${i}`;
    const guideId = `${options.tag}-g${i}`;
    await db.insert(user).values([
      {
        id: memberId,
        name: `Member ${options.tag} ${i}`,
        email: `${memberId}@example.test`,
        timeZone: pick(zones),
      },
      {
        id: guideId,
        name: `Guide ${options.tag} ${i}`,
        email: `${guideId}@example.test`,
        timeZone: pick(zones),
      },
    ]);
    userIds.push(memberId, guideId);
    const kind = pick(['mentoring', 'coaching', 'peer'] as const satisfies readonly RelationshipKind[]);
    const invited = chance(0.08);
    const startedAt = now - Math.floor((5 + rand() * 120) * DAY);
    const [rel] = await db
      .insert(relationships)
      .values({
        memberId,
        guideId: invited ? null : guideId,
        invitedBy: memberId,
        inviteeEmail: `${guideId}@example.test`,
        inviteTokenHash: `${options.tag}-token-${i}`,
        kind,
        framing: pick(['ad-hoc', 'goal-oriented', 'time-framed', 'time-framed'] as const),
        status: invited ? 'invited' : chance(0.1) ? 'closed' : 'active',
        createdAt: new Date(startedAt - DAY),
        acceptedAt: invited ? null : new Date(startedAt),
        cohortId: options.cohortId,
      })
      .returning({ id: relationships.id });
    if (!rel) throw new Error('no relationship');
    relationshipIds.push(rel.id);

    const cadence: Cadence = pick(['weekly', 'biweekly', 'monthly'] as const);
    const terms = (c: Cadence) => ({ ...defaultAgreementTerms(kind), cadence: c });
    const agreed = chance(0.85);
    if (agreed) {
      const renegotiated = chance(0.3);
      await db.insert(agreements).values([
        {
          relationshipId: rel.id,
          version: 1,
          terms: terms(renegotiated ? 'monthly' : cadence),
          status: renegotiated ? 'superseded' : 'accepted',
          proposedBy: memberId,
          proposedAt: new Date(startedAt),
        },
        ...(renegotiated
          ? [
              {
                relationshipId: rel.id,
                version: 2,
                terms: terms(cadence),
                status: 'accepted' as const,
                proposedBy: guideId,
                proposedAt: new Date(startedAt + 20 * DAY),
              },
            ]
          : []),
      ]);
    } else if (chance(0.5)) {
      await db.insert(agreements).values({
        relationshipId: rel.id,
        version: 1,
        terms: terms('weekly'),
        status: 'proposed',
        proposedBy: memberId,
        proposedAt: new Date(startedAt),
      });
    }

    // Sessions: mostly on the cadence with gaps; a few odd ones on purpose.
    const interval = { weekly: 7, biweekly: 14, monthly: 30 }[cadence] * DAY;
    const planned: { at: Date; status: 'held' | 'cancelled' | 'no-show' | 'scheduled'; agenda: string }[] =
      [];
    const stop = chance(0.25) ? now - rand() * 40 * DAY : now + 10 * DAY;
    for (let at = startedAt + rand() * 10 * DAY; at < stop; at += interval * (0.7 + rand() * 0.9)) {
      const past = at <= now;
      const r = rand();
      planned.push({
        at: hourly(at),
        status: past
          ? r < 0.8
            ? 'held'
            : r < 0.92
              ? 'cancelled'
              : r < 0.96
                ? 'no-show'
                : 'scheduled'
          : 'scheduled',
        agenda: chance(0.6) ? 'What to bring' : chance(0.5) ? '   ' : '',
      });
    }
    if (chance(0.3) && planned.length > 0) {
      // Often the last session before `now`, where the tie decides which one was "the last".
      const twin = chance(0.7)
        ? planned.filter((s) => s.at.getTime() <= now).at(-1)
        : planned[Math.floor(rand() * planned.length)];
      if (twin) planned.push({ ...twin, status: 'held' });
    }
    if (chance(0.1)) planned.push({ at: new Date(now - 30 * DAY), status: 'held', agenda: '' });
    if (chance(0.08)) planned.push({ at: hourly(now + rand() * 5 * DAY), status: 'held', agenda: '' });
    if (chance(0.3)) planned.push({ at: hourly(now + rand() * 60 * HOUR), status: 'scheduled', agenda: '' });
    if (planned.length === 0) continue;
    const inserted = await db
      .insert(sessions)
      .values(
        planned.map((s) => ({
          relationshipId: rel.id,
          startsAt: s.at,
          endsAt: new Date(s.at.getTime() + HOUR),
          bookedTimeZone: 'UTC',
          template: 'regular' as const,
          agendaTopic: s.agenda,
          status: s.status,
          createdBy: memberId,
          createdAt: new Date(s.at.getTime() - 7 * DAY),
        })),
      )
      .returning({ id: sessions.id, startsAt: sessions.startsAt, status: sessions.status });

    const actionRows = [];
    const pulseRows = [];
    for (const s of inserted.filter((row) => row.status === 'held')) {
      const created = new Date(s.startsAt.getTime() + HOUR);
      for (let k = chance(0.2) ? 0 : 1 + Math.floor(rand() * 2); k > 0; k -= 1) {
        const due = new Date(
          Math.min(s.startsAt.getTime() + (3 + rand() * 14) * DAY, now + (rand() * 4 - 2) * DAY),
        );
        actionRows.push({
          relationshipId: rel.id,
          sessionId: s.id,
          ownerId: chance(0.7) ? memberId : guideId,
          kind: 'practical' as const,
          title: 'Next step',
          dueDate: chance(0.1) ? null : due.toISOString().slice(0, 10),
          status: pick(['open', 'open', 'done', 'done', 'renegotiated', 'dropped'] as const),
          createdAt: created,
          updatedAt: new Date(Math.min(now, created.getTime() + rand() * 20 * DAY)),
        });
      }
      const pulseAt = new Date(s.startsAt.getTime() + (chance(0.15) ? rand() * 40 * DAY : 2 * HOUR));
      const sameInstant = chance(0.7);
      for (const [userId, p] of [
        [memberId, 0.8],
        [guideId, 0.6],
      ] as const) {
        if (!chance(p)) continue;
        pulseRows.push({
          sessionId: s.id,
          userId,
          score: 1 + Math.floor(rand() * 5),
          word: 'fine',
          createdAt: sameInstant ? pulseAt : new Date(pulseAt.getTime() + rand() * DAY),
        });
      }
    }
    // Due on the days around `now`: overdue or not depending on where the owner lives.
    if (chance(0.5)) {
      actionRows.push({
        relationshipId: rel.id,
        sessionId: null,
        ownerId: chance(0.5) ? memberId : guideId,
        kind: 'reflective' as const,
        title: 'Think it over',
        dueDate: new Date(now + (Math.floor(rand() * 3) - 1) * DAY).toISOString().slice(0, 10),
        status: 'open' as const,
        createdAt: new Date(now - 5 * DAY),
        updatedAt: new Date(now - 5 * DAY),
      });
    }
    if (actionRows.length > 0) await db.insert(actions).values(actionRows);
    if (pulseRows.length > 0) await db.insert(sessionPulses).values(pulseRows);
  }
  return { relationshipIds, userIds };
}
