// Numbers behind calendar sync (issue 13): how often connected calendars are read, how stale a cache may
// be before a person's times stop being offered, and how far ahead busy time is read.

/** The job refreshes every connection whose last sync is older than this. */
export const CALENDAR_REFRESH_INTERVAL_MINUTES = 15;

/** How often the refresh job runs. */
export const CALENDAR_REFRESH_CRON = '*/5 * * * *';

/**
 * A cache older than this is not trusted (fail closed): two missed refreshes plus a margin, so one slow
 * or failed run does not hide anybody's times but a stopped sync does within the hour.
 */
export const CALENDAR_ALLOWED_STALENESS_MINUTES = 45;

/** Busy time is read from a day back (sessions running now) up to this many days ahead. */
export const CALENDAR_SYNC_DAYS_BACK = 1;
export const CALENDAR_SYNC_DAYS_AHEAD = 370;

/**
 * Google and Microsoft sync tokens are bound to the window of the full read that produced them, and the
 * needed window rolls forward daily; a full read reaches this much further, so one token serves about a
 * month of incremental reads before the window has moved past it and everything is read again.
 */
export const CALENDAR_SYNC_WINDOW_SLACK_DAYS = 28;

/** At most this many skipped-event warnings are kept on a connection. */
export const CALENDAR_MAX_WARNINGS = 20;
