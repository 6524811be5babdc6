import { readCalendarBusy } from '../calendar-sync/read-calendar-busy';
import type { Db, Tx } from '../db/client';

// The seam between calendar sync (src/server/calendar-sync, which reads people's external calendars into a
// cache) and open slots (src/server/scheduling, which offers bookable times). Slots never call a calendar
// server themselves: they read this answer, which comes from the cache, so a slow or failing calendar can
// only ever hide times, never show a busy time as free.

export type BusyInterval = { start: Date; end: Date };

export type UnreadableCalendar = {
  userId: string;
  /** The connection's display name (e.g. "Fastmail"), for "we cannot read Ana's Fastmail calendar". */
  calendarName: string;
  /** A sentence a person understands: bad credentials, server unreachable, not refreshed since … */
  reason: string;
  /** Since when this person's busy time is unknown. */
  since: Date;
};

export type BusyAnswer = {
  /** Busy intervals per person asked about, from every calendar they marked as counting as busy. */
  busy: Map<string, BusyInterval[]>;
  /** People whose busy time is not known right now: their times must not be offered (fail closed). */
  unreadable: UnreadableCalendar[];
};

export type BusyReader = (
  db: Db | Tx,
  userIds: readonly string[],
  window: { from: Date; to: Date },
  now: Date,
) => Promise<BusyAnswer>;

/** For people with no connected calendar: nothing external is busy. */
export const noExternalCalendars: BusyReader = async (_db, userIds) => ({
  busy: new Map(userIds.map((id) => [id, []])),
  unreadable: [],
});

// Calendar sync replaces this with its cache reader; everything else imports `readBusy` from here.
export const readBusy: BusyReader = readCalendarBusy;
