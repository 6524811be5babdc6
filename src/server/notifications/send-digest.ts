import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { buildDigest, localDay } from '../../domain/reminders/build-digest';
import type { ReminderKind } from '../../domain/reminders/reminder-facts';
import type { Db } from '../db/client';
import { digestSends, notifications, user } from '../db/schema';
import type { Mailer } from '../mail/mailer';

export type DigestOutcome = 'sent' | 'nothing-to-send' | 'already-sent-today' | 'not-now';

/**
 * Mails one person their daily digest if one is due: at most one per local day, held by a unique
 * row per (person, day) so two workers racing cannot both send. The row and the "mailed" marks are
 * committed before the mail leaves; if sending fails they are undone and the error is rethrown, so
 * the job retries instead of losing the digest.
 */
export async function sendDigest(
  db: Db,
  mailer: Mailer,
  userId: string,
  now: Date,
  baseUrl: string,
): Promise<DigestOutcome> {
  const [person] = await db
    .select({ name: user.name, email: user.email, timeZone: user.timeZone })
    .from(user)
    .where(eq(user.id, userId));
  if (!person) return 'nothing-to-send';
  const pending = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt)))
    // The digest sorts by kind and time; insertion order settles the ties, so a digest reads the same twice.
    .orderBy(asc(notifications.createdAt), asc(notifications.seq));
  if (pending.length === 0) return 'nothing-to-send';
  const day = localDay(now.toISOString(), person.timeZone);
  const [sentToday] = await db
    .select({ id: digestSends.id })
    .from(digestSends)
    .where(and(eq(digestSends.userId, userId), eq(digestSends.day, day)));
  const digest = buildDigest(
    person,
    pending.map((row) => ({
      key: row.key,
      kind: row.kind as ReminderKind,
      text: row.text,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    })),
    sentToday !== undefined,
    { now: now.toISOString(), baseUrl },
  );
  if (sentToday) return 'already-sent-today';
  if (!digest) {
    // Reminders whose moment has passed will never be mailed; settle them so they stop waking the job.
    const expired = pending
      .filter((row) => row.expiresAt !== null && row.expiresAt <= now)
      .map((row) => row.id);
    if (expired.length > 0) {
      await db.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, expired));
    }
    return 'not-now';
  }

  const settledIds = pending.filter((row) => digest.settledKeys.includes(row.key)).map((row) => row.id);
  const claimed = await db.transaction(async (tx) => {
    const [send] = await tx
      .insert(digestSends)
      .values({ userId, day: digest.day, sentAt: now })
      .onConflictDoNothing({ target: [digestSends.userId, digestSends.day] })
      .returning({ id: digestSends.id });
    if (!send) return null;
    await tx.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, settledIds));
    return send.id;
  });
  if (claimed === null) return 'already-sent-today';
  try {
    await mailer.send({ to: person.email, subject: digest.subject, text: digest.text });
  } catch (error) {
    await db.transaction(async (tx) => {
      await tx.delete(digestSends).where(eq(digestSends.id, claimed));
      await tx.update(notifications).set({ digestedAt: null }).where(inArray(notifications.id, settledIds));
    });
    throw error;
  }
  return 'sent';
}

/**
 * Who among `userIds` has something not yet mailed. The sweep asks about the people in active
 * relationships: items waiting overnight go out in the morning, and a closed relationship stops
 * mailing (its notifications stay in-app).
 */
export async function peopleWithPendingNotifications(db: Db, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(isNull(notifications.digestedAt), inArray(notifications.userId, userIds)));
  return rows.map((row) => row.userId);
}
