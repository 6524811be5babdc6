import type { BusyAnswer, BusyInterval, BusyReader } from '../../src/server/scheduling/busy-reader';

/**
 * Calendars a test writes: busy intervals per person and who cannot be read. The app reads them through
 * its BusyReader seam (createTestApp's `busyReader`), so slot rules are tested without a calendar server.
 */
export function scriptedCalendars() {
  const calendars: { busy: Map<string, BusyInterval[]>; unreadable: BusyAnswer['unreadable'] } = {
    busy: new Map(),
    unreadable: [],
  };
  const reader: BusyReader = async (_db, userIds) => ({
    busy: new Map(userIds.map((id) => [id, calendars.busy.get(id) ?? []])),
    unreadable: calendars.unreadable.filter((u) => userIds.includes(u.userId)),
  });
  return { calendars, reader };
}
