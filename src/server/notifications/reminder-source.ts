import type { RelationshipRole, ReminderFacts } from '../../domain/reminders/reminder-facts';

/** One active relationship's facts and who plays each role in it (user ids). */
export type RelationshipReminderInput = { facts: ReminderFacts; people: Record<RelationshipRole, string> };

/**
 * Loads the reminder facts of every active relationship at `now`. Implemented against the
 * relationships, sessions, actions and journal tables; until those exist Corner has none.
 */
export type ReminderFactsSource = (now: Date) => Promise<RelationshipReminderInput[]>;

export const noRelationships: ReminderFactsSource = async () => [];
