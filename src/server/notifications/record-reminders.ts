import { dueReminders } from '../../domain/reminders/due-reminders';
import type { Db } from '../db/client';
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
