import { eq } from 'drizzle-orm';
import { type BookingRules, defaultBookingRules } from '../../domain/scheduling/booking-rules';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideBookingRules } from '../db/schema';

/** A guide's booking rules; the defaults until they change one. */
export async function loadBookingRules(db: Db | Tx, guideId: string): Promise<BookingRules> {
  const [row] = await db.select().from(guideBookingRules).where(eq(guideBookingRules.userId, guideId));
  if (!row) return defaultBookingRules;
  const { userId: _userId, updatedAt: _updatedAt, ...rules } = row;
  return rules;
}

export async function saveBookingRules(
  db: Db,
  actor: Actor,
  rules: BookingRules,
  now: Date,
): Promise<BookingRules> {
  const values = { ...rules, updatedAt: now };
  await db
    .insert(guideBookingRules)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: guideBookingRules.userId, set: values });
  return loadBookingRules(db, actor.userId);
}
