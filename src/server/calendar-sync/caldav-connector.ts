import { createDAVClient, type DAVCalendar } from 'tsdav';
import { sessionEventSpan } from './expand-events';

// What Corner needs from any calendar service. CalDAV (Nextcloud, Fastmail, iCloud, Radicale…) is the
// first implementation, through tsdav; Google and Microsoft would implement the same interface.

export type RemoteCalendar = {
  url: string;
  displayName: string;
  ctag: string | null;
  syncToken: string | null;
};
export type RemoteObject = { url: string; etag: string | null; ics: string };
/** Where one of Corner's own session events is now; null when it is gone (deleted or cancelled). */
export type SessionEventTime = { start: Date; end: Date };

/** What a service with change tracking (Google sync token, Graph delta link) answers for one calendar. */
export type CalendarChanges = {
  /** Everything in the window was read (no token, or the service refused it): the cache is replaced. */
  full: boolean;
  /** Events added or changed since the token (every event on a full read); `url` is the service's id. */
  changed: RemoteObject[];
  /** Ids of events deleted since the token. */
  removed: string[];
  /** The token for the next read; null when the service gave none, so the next sync reads it all. */
  token: string | null;
};
export type ChangesSince = { window: { from: Date; to: Date }; token: string | null };

export interface CalendarConnector {
  listCalendars(): Promise<RemoteCalendar[]>;
  /** The event objects of a calendar (a calendar-query; the window is applied when expanding). */
  fetchObjects(calendarUrl: string, window: { from: Date; to: Date }): Promise<RemoteObject[]>;
  /** Services with change tracking: the changes since `token`, or the whole window without one. */
  fetchChanges?(calendarUrl: string, since: ChangesSince): Promise<CalendarChanges>;
  /** Creates or replaces `<uid>.ics` in a calendar. */
  putObject(calendarUrl: string, uid: string, ics: string): Promise<void>;
  /** Removes `<uid>.ics`; an object already gone is fine. */
  deleteObject(calendarUrl: string, uid: string): Promise<void>;
  /**
   * Reads back the session events Corner wrote (by their UID), whatever their transparency, so a move or
   * a deletion made in the calendar app can be noticed. A UID missing from the answer is gone.
   */
  readSessionEvents(
    calendarUrl: string,
    uids: string[],
    floatingZone: string,
  ): Promise<Map<string, SessionEventTime | null>>;
}

/** A connection attempt that failed because of what the person typed. */
export class ConnectorInputError extends Error {
  constructor(
    readonly field: 'url' | 'username' | 'password',
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached or answered unexpectedly (down, timeout, not CalDAV). */
export class ConnectorUnavailableError extends Error {}

const TIMEOUT_MS = 30_000;

export type CaldavCredentials = { url: string; username: string; password: string };

export async function connectCaldav(credentials: CaldavCredentials): Promise<CalendarConnector> {
  await checkCredentials(credentials);
  let client: Awaited<ReturnType<typeof createDAVClient>>;
  try {
    client = await createDAVClient({
      serverUrl: credentials.url,
      credentials: { username: credentials.username, password: credentials.password },
      authMethod: 'Basic',
      defaultAccountType: 'caldav',
      // Each request gets its own deadline, so a server that hangs fails the sync instead of holding it.
      fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    });
  } catch (error) {
    throw new ConnectorInputError(
      'url',
      `No CalDAV calendars were found at this address (${reason(error)}). Check the server address.`,
    );
  }
  const calendarsByUrl = new Map<string, DAVCalendar>();
  const calendarFor = (url: string): DAVCalendar => calendarsByUrl.get(url) ?? { url };
  const objectUrl = (calendarUrl: string, uid: string) =>
    `${calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`}${encodeURIComponent(uid)}.ics`;

  return {
    async listCalendars() {
      const calendars = await guard(() => client.fetchCalendars());
      const events = calendars.filter(
        (calendar) => !calendar.components || calendar.components.includes('VEVENT'),
      );
      for (const calendar of events) calendarsByUrl.set(calendar.url, calendar);
      return events.map((calendar) => ({
        url: calendar.url,
        displayName:
          typeof calendar.displayName === 'string' && calendar.displayName
            ? calendar.displayName
            : calendar.url,
        ctag: calendar.ctag ?? null,
        syncToken: calendar.syncToken ?? null,
      }));
    },
    async fetchObjects(calendarUrl, _window) {
      const objects = await guard(() =>
        client.fetchCalendarObjects({
          calendar: calendarFor(calendarUrl),
          // A time-range filter makes the server evaluate every recurrence itself; Radicale needs over 15 s
          // for 1,700 objects that way, and its result would be expanded by us anyway. The window is
          // applied by expand-events.ts, and unchanged calendars are not read at all (ctag/sync token).
          expand: false,
        }),
      );
      return objects
        .filter((object) => typeof object.data === 'string' && object.data.length > 0)
        .map((object) => ({ url: object.url, etag: object.etag ?? null, ics: String(object.data) }));
    },
    async putObject(calendarUrl, uid, ics) {
      const url = objectUrl(calendarUrl, uid);
      const response = await guard(() => client.updateCalendarObject({ calendarObject: { url, data: ics } }));
      if (!response.ok)
        throw new ConnectorUnavailableError(`the server refused the event (HTTP ${response.status})`);
    },
    async readSessionEvents(calendarUrl, uids, floatingZone) {
      // Corner PUT each session at <uid>.ics and calendar apps edit an object in place, so one GET per
      // upcoming session answers it (a person has a handful) without reading the whole calendar.
      const found = new Map<string, SessionEventTime | null>();
      for (const uid of uids) {
        const response = await guard(() =>
          fetch(objectUrl(calendarUrl, uid), {
            headers: { authorization: basic(credentials), accept: 'text/calendar' },
            signal: AbortSignal.timeout(TIMEOUT_MS),
          }),
        );
        const text = await guard(() => response.text());
        if (response.status === 404 || response.status === 410) {
          found.set(uid, null);
          continue;
        }
        if (!response.ok) {
          throw new ConnectorUnavailableError(
            `the server did not return the event (HTTP ${response.status})`,
          );
        }
        found.set(uid, sessionEventSpan(text, uid, floatingZone));
      }
      return found;
    },
    async deleteObject(calendarUrl, uid) {
      const url = objectUrl(calendarUrl, uid);
      const response = await guard(() => client.deleteCalendarObject({ calendarObject: { url } }));
      if (!response.ok && response.status !== 404) {
        throw new ConnectorUnavailableError(
          `the server refused to remove the event (HTTP ${response.status})`,
        );
      }
    },
  };
}

// tsdav hides a 401 inside its discovery, so the address and the credentials are tried first with one
// PROPFIND: no answer or no DAV server names the url, a 401/403 names the password.
async function checkCredentials({ url, username, password }: CaldavCredentials): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorInputError('url', 'This is not a web address; it should start with https://.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConnectorInputError('url', 'The server address should start with https://.');
  }
  let response: Response;
  try {
    response = await fetch(parsed, {
      method: 'PROPFIND',
      headers: {
        authorization: basic({ username, password }),
        depth: '0',
        'content-type': 'application/xml; charset=utf-8',
      },
      body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
  } catch (error) {
    throw new ConnectorInputError(
      'url',
      `The calendar server did not answer (${reason(error)}). Check the address.`,
    );
  }
  if (response.status === 401 || response.status === 403) {
    throw new ConnectorInputError(
      'password',
      'The server did not accept this user name and password. Many services need an app password here.',
    );
  }
  if (response.status !== 207 && !(response.status >= 300 && response.status < 400)) {
    throw new ConnectorInputError(
      'url',
      `This address does not answer like a CalDAV server (HTTP ${response.status}). Check the address.`,
    );
  }
}

function basic({ username, password }: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ConnectorUnavailableError(reason(error));
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
