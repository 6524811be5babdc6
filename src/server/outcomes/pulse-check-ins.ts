import { and, eq, isNotNull } from 'drizzle-orm';
import { latestPulseRound } from '../../domain/outcomes/pulse-schedule';
import { PULSE_DEFAULT_INTERVAL_DAYS } from '../../domain/settings/outcomes';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { cohortOutcomeSettings, pulseCheckIns, relationships, user } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { recordNotification } from '../notifications/record-reminders';

export const PULSE_PROMPT_TEXT =
  'Pulse check-in: three quick questions about how your mentoring is going (1 minute).';

/** Sends each person of an active program pair the latest due pulse round, once (in-app, then digest). */
export async function sendPulsePrompts(db: Db, now: Date): Promise<string[]> {
  const pairs = await db
    .select({
      id: relationships.id,
      memberId: relationships.memberId,
      guideId: relationships.guideId,
      acceptedAt: relationships.acceptedAt,
      interval: cohortOutcomeSettings.pulseIntervalDays,
    })
    .from(relationships)
    .leftJoin(cohortOutcomeSettings, eq(cohortOutcomeSettings.cohortId, relationships.cohortId))
    .where(
      and(
        eq(relationships.status, 'active'),
        isNotNull(relationships.cohortId),
        isNotNull(relationships.acceptedAt),
      ),
    );
  const notified: string[] = [];
  for (const pair of pairs) {
    if (!pair.acceptedAt) continue;
    const round = latestPulseRound(
      pair.acceptedAt.toISOString(),
      now,
      pair.interval ?? PULSE_DEFAULT_INTERVAL_DAYS,
    );
    if (round === null) continue;
    for (const userId of [pair.memberId, pair.guideId]) {
      if (!userId) continue;
      const fresh = await recordNotification(
        db,
        {
          userId,
          key: `pulse:${pair.id}:${round}`,
          kind: 'pulse-check-in',
          text: PULSE_PROMPT_TEXT,
          link: `/relationships/${pair.id}?pulse=${round}`,
        },
        now,
      );
      if (fresh) notified.push(userId);
    }
  }
  return notified;
}

async function loadPair(db: Db, actor: Actor, relationshipId: string) {
  const [pair] = await db
    .select({
      memberId: relationships.memberId,
      guideId: relationships.guideId,
      acceptedAt: relationships.acceptedAt,
      status: relationships.status,
      interval: cohortOutcomeSettings.pulseIntervalDays,
      contactId: cohortOutcomeSettings.designatedContactId,
      contactName: user.name,
    })
    .from(relationships)
    .leftJoin(cohortOutcomeSettings, eq(cohortOutcomeSettings.cohortId, relationships.cohortId))
    .leftJoin(user, eq(user.id, cohortOutcomeSettings.designatedContactId))
    .where(eq(relationships.id, relationshipId));
  if (!pair || (pair.memberId !== actor.userId && pair.guideId !== actor.userId))
    throw notFound('relationship');
  return pair;
}

export type PulseStatus = {
  dueRound: number | null;
  answered: boolean;
  commentReader: string | null;
  notice: string;
};

/** What the person is asked, and — before they write a comment — who alone will read it. */
export async function getPulseStatus(
  db: Db,
  actor: Actor,
  relationshipId: string,
  now: Date,
): Promise<PulseStatus> {
  const pair = await loadPair(db, actor, relationshipId);
  const dueRound = pair.acceptedAt
    ? latestPulseRound(pair.acceptedAt.toISOString(), now, pair.interval ?? PULSE_DEFAULT_INTERVAL_DAYS)
    : null;
  const [answer] =
    dueRound === null
      ? []
      : await db
          .select({ id: pulseCheckIns.id })
          .from(pulseCheckIns)
          .where(
            and(
              eq(pulseCheckIns.relationshipId, relationshipId),
              eq(pulseCheckIns.userId, actor.userId),
              eq(pulseCheckIns.round, dueRound),
            ),
          );
  const reader = pair.contactId ? pair.contactName : null;
  return {
    dueRound,
    answered: Boolean(answer),
    commentReader: reader,
    notice: reader
      ? `Your scores are only counted in your program's totals (groups of 5 or more). A comment is read only by ${reader}, the program's designated contact — not by your partner or the other admins.`
      : "Your scores are only counted in your program's totals (groups of 5 or more). This program has no designated contact, so there is no comment box.",
  };
}

export async function answerPulse(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: {
    round: number;
    relationship: number;
    progress: number;
    wouldRecommend: boolean;
    comment?: string | undefined;
  },
  now: Date,
): Promise<{ round: number }> {
  const status = await getPulseStatus(db, actor, relationshipId, now);
  if (status.dueRound === null || input.round !== status.dueRound) {
    throw new Problem(
      422,
      'pulse-not-due',
      'This pulse round is not open: answer the latest one you were sent.',
      'round',
    );
  }
  if (input.comment && !status.commentReader) {
    throw new Problem(
      422,
      'no-comment-reader',
      'This program has no designated contact to read a comment.',
      'comment',
    );
  }
  const inserted = await db
    .insert(pulseCheckIns)
    .values({
      relationshipId,
      userId: actor.userId,
      round: input.round,
      relationshipScore: input.relationship,
      progressScore: input.progress,
      wouldRecommend: input.wouldRecommend,
      comment: input.comment ?? null,
      answeredAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: pulseCheckIns.id });
  if (inserted.length === 0)
    throw new Problem(409, 'pulse-answered', 'You already answered this pulse round.');
  return { round: input.round };
}
