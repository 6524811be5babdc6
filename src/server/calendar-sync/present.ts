import type { calendarConnections } from '../db/schema';
import type { CalendarConnectionView } from './schemas';

type Row = typeof calendarConnections.$inferSelect;

// Everything a person may see about their connection; the credentials column never leaves the server.
export function presentConnection(row: Row): CalendarConnectionView {
  return {
    id: row.id,
    provider: row.provider,
    displayName: row.displayName,
    serverUrl: row.serverUrl,
    username: row.username,
    status: row.status,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    errorSince: row.errorSince?.toISOString() ?? null,
    warnings: row.warnings,
    calendars: row.calendars.map((calendar) => ({
      url: calendar.url,
      displayName: calendar.displayName,
      busy: calendar.busy,
      write: calendar.url === row.writeCalendarUrl,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}
