import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import { notFound } from '../http/problem';
import type { NotificationView } from './schemas';

const PAGE_SIZE = 100;

type Row = typeof notifications.$inferSelect;

const present = (row: Row): NotificationView => ({
  id: row.id,
  kind: row.kind,
  text: row.text,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
  mailedAt: row.digestedAt ? row.digestedAt.toISOString() : null,
});

export async function listNotifications(
  db: Db,
  actor: Actor,
  unreadOnly: boolean,
): Promise<{ notifications: NotificationView[]; unread: number }> {
  const mine = eq(notifications.userId, actor.userId);
  const unread = and(mine, isNull(notifications.readAt));
  const rows = await db
    .select()
    .from(notifications)
    .where(unreadOnly ? unread : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.seq))
    .limit(PAGE_SIZE);
  const [total] = await db.select({ n: count() }).from(notifications).where(unread);
  return { notifications: rows.map(present), unread: total?.n ?? 0 };
}

// Someone else's notification answers exactly like a missing one.
export async function markNotificationRead(
  db: Db,
  actor: Actor,
  notificationId: string,
  now: Date,
): Promise<NotificationView> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)));
  if (!row) throw notFound('notification');
  if (row.readAt) return present(row);
  const [updated] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(eq(notifications.id, row.id))
    .returning();
  return present(updated ?? row);
}

export async function markAllNotificationsRead(db: Db, actor: Actor, now: Date): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
