import { dueReminders } from '../../domain/reminders/due-reminders';
import type { Db, Tx } from '../db/client';
import { notifications } from '../db/schema';
import type { RelationshipReminderInput } from './reminder-source';

/**
 * Stores the reminders due now as in-app notifications, once per person and key: a key already
 * stored is skipped by the unique index, so the sweep can run as often as it likes (and on several
 * workers at once) without repeating itself. Returns who received something new.
 */
export async function recordReminders(
  db: Db,
  inputs: RelationshipReminderInput[],
  now: Date,
): Promise<Set<string>> {
  const rows = inputs.flatMap(({ facts, people }) =>
    dueReminders(facts, now.toISOString()).flatMap((reminder) =>
      [...new Set(reminder.audience.map((role) => people[role]))].map((userId) => ({
        userId,
        key: reminder.key,
        kind: reminder.kind,
        text: reminder.text,
        link: reminder.link,
        createdAt: now,
        expiresAt: reminder.expiresAt ? new Date(reminder.expiresAt) : null,
      })),
    ),
  );
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.key] })
    .returning({ userId: notifications.userId });
  return new Set(inserted.map((row) => row.userId));
}

export type DirectNotification = {
  userId: string;
  /** Dedupe key, unique per person: the same key twice stores one notification. */
  key: string;
  kind: string;
  text: string;
  link: string;
  expiresAt?: Date | null;
};

/**
 * For events that are not time rules (a new relationship message, a report from the other side):
 * stores an in-app notification that the next digest picks up like any reminder. Call it inside the
 * operation's transaction, so it exists exactly when the event does. Returns whether it was new.
 */
export async function recordNotification(
  db: Db | Tx,
  notification: DirectNotification,
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(notifications)
    .values({ ...notification, expiresAt: notification.expiresAt ?? null, createdAt: now })
    .onConflictDoNothing({ target: [notifications.userId, notifications.key] })
    .returning({ id: notifications.id });
  return inserted.length > 0;
}
