import { auth, type calendar_v3, calendar as googleCalendar } from '@googleapis/calendar';
import {
  type CalendarChanges,
  type CalendarConnector,
  type ChangesSince,
  ConnectorUnavailableError,
  type RemoteObject,
  type SessionEventTime,
} from './caldav-connector';
import { type JsonEvent, safeIcs, sessionEventFromIcs, spanOfJsonEvent } from './json-events';
import { AuthorizationRevokedError, type OAuthProvider, type OAuthTokens } from './oauth-providers';

// Google Calendar through the official client (@googleapis/calendar, its OAuth2Client from
// google-auth-library). The access token is refreshed by the client when it has expired (or the API
// answers 401), and the new tokens are handed to `save`, so the next sync does not refresh again.

const TIMEOUT_MS = 30_000;
const PAGE_SIZE = 2_500;

export type GoogleConnectorOptions = {
  provider: OAuthProvider;
  tokens: OAuthTokens;
  save?: (tokens: OAuthTokens) => Promise<void>;
};

export function googleClient({ provider, tokens, save }: GoogleConnectorOptions) {
  const client = new auth.OAuth2({
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUri: provider.redirectUrl,
    endpoints: { oauth2TokenUrl: provider.tokenUrl, oauth2AuthBaseUrl: provider.authorizeUrl },
  });
  client.setCredentials({
    refresh_token: tokens.refreshToken,
    access_token: tokens.accessToken,
    expiry_date: tokens.expiresAt,
  });
  let pendingSave: Promise<void> = Promise.resolve();
  client.on('tokens', (fresh) => {
    if (!save || !fresh.access_token) return;
    pendingSave = save({
      refreshToken: fresh.refresh_token ?? tokens.refreshToken,
      accessToken: fresh.access_token,
      expiresAt: fresh.expiry_date ?? null,
    });
  });
  const api = googleCalendar({
    version: 'v3',
    auth: client,
    rootUrl: provider.apiBaseUrl,
    retry: false,
    timeout: TIMEOUT_MS,
  });
  return { client, api, saved: () => pendingSave };
}

export function connectGoogle(options: GoogleConnectorOptions): CalendarConnector & {
  accountEmail(): Promise<string>;
} {
  const { api, saved } = googleClient(options);
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      const result = await request();
      await saved();
      return result;
    } catch (error) {
      throw googleFailure(error);
    }
  };
  const eventId = (uid: string) => base32hex(uid);

  return {
    async accountEmail() {
      const primary = await call(() => api.calendars.get({ calendarId: 'primary' }));
      return primary.data.id ?? 'Google Calendar';
    },
    async listCalendars() {
      const calendars: calendar_v3.Schema$CalendarListEntry[] = [];
      let pageToken: string | undefined;
      do {
        const page = await call(() =>
          api.calendarList.list({ maxResults: 250, pageToken, showHidden: false }),
        );
        calendars.push(...(page.data.items ?? []));
        pageToken = page.data.nextPageToken ?? undefined;
      } while (pageToken);
      // A free/busy-only calendar (someone else's, shared as "see only free/busy") has no events to read.
      return calendars
        .filter((entry) => entry.id && entry.accessRole !== 'freeBusyReader' && !entry.deleted)
        .map((entry) => ({
          url: entry.id ?? '',
          displayName: entry.summaryOverride ?? entry.summary ?? entry.id ?? '',
          // No marker that says "no event changed" exists here (the list entry's etag tracks the entry),
          // so each sync reads the window again; Google's answer is already expanded and small.
          ctag: null,
          syncToken: null,
        }));
    },
    async fetchObjects(calendarId, window) {
      const objects: RemoteObject[] = [];
      let pageToken: string | undefined;
      do {
        const page = await call(() =>
          api.events.list({
            calendarId,
            timeMin: window.from.toISOString(),
            timeMax: window.to.toISOString(),
            // Google expands every series into its instances, moved and removed ones included.
            singleEvents: true,
            showDeleted: false,
            maxResults: PAGE_SIZE,
            pageToken,
          }),
        );
        for (const item of page.data.items ?? []) {
          const ics = safeIcs(jsonEventOf(item));
          objects.push({
            url: item.id ?? item.iCalUID ?? 'event',
            etag: item.etag ?? null,
            // An event too broken to describe still goes through, so the sync reports it as skipped.
            ics: ics ?? 'not an event',
          });
        }
        pageToken = page.data.nextPageToken ?? undefined;
      } while (pageToken);
      return objects;
    },
    fetchChanges(calendarId, since) {
      return googleChanges(
        async (params) => (await call(() => api.events.list(params))).data,
        calendarId,
        since,
      );
    },
    async putObject(calendarId, uid, ics) {
      const session = sessionEventFromIcs(ics);
      const body: calendar_v3.Schema$Event = {
        id: eventId(uid),
        iCalUID: uid,
        summary: session.summary,
        description: session.description,
        location: session.url ?? session.location,
        source: session.url ? { title: 'Corner session', url: session.url } : undefined,
        start: { dateTime: session.start.toISOString(), timeZone: session.timeZone },
        end: { dateTime: session.end.toISOString(), timeZone: session.timeZone },
        status: 'confirmed',
        transparency: 'opaque',
      };
      try {
        await call(() => api.events.insert({ calendarId, requestBody: body, sendUpdates: 'none' }));
      } catch (error) {
        // Already there (booked before, or moved now): the same id is replaced in place.
        if (!(error instanceof GoogleHttpError) || error.status !== 409) throw error;
        await call(() =>
          api.events.update({ calendarId, eventId: eventId(uid), requestBody: body, sendUpdates: 'none' }),
        );
      }
    },
    readSessionEvents: (calendarId, uids, floatingZone) =>
      readGoogleSessionEvents(call, api, calendarId, uids, floatingZone),
    async deleteObject(calendarId, uid) {
      try {
        await call(() => api.events.delete({ calendarId, eventId: eventId(uid), sendUpdates: 'none' }));
      } catch (error) {
        if (error instanceof GoogleHttpError && (error.status === 404 || error.status === 410)) return;
        throw error;
      }
    },
  };
}

type EventsList = (params: calendar_v3.Params$Resource$Events$List) => Promise<calendar_v3.Schema$Events>;

/**
 * Incremental sync as Google documents it: a full read of the window ends with a nextSyncToken; a read
 * with that token returns only what changed since, deleted events included as `cancelled`. A token Google
 * no longer holds is refused with 410 GONE, and the calendar is read whole again.
 */
export async function googleChanges(
  list: EventsList,
  calendarId: string,
  { window, token }: ChangesSince,
): Promise<CalendarChanges> {
  if (token) {
    try {
      // timeMin/timeMax may not accompany a sync token (the token carries the first read's window), and
      // deleted events always come back, so showDeleted is left out.
      return {
        full: false,
        ...(await eventPages(list, { calendarId, singleEvents: true, syncToken: token })),
      };
    } catch (error) {
      if (!(error instanceof GoogleHttpError) || error.status !== 410) throw error;
    }
  }
  const read = await eventPages(list, {
    calendarId,
    timeMin: window.from.toISOString(),
    timeMax: window.to.toISOString(),
    singleEvents: true,
    showDeleted: false,
  });
  return { full: true, ...read };
}

async function eventPages(list: EventsList, params: calendar_v3.Params$Resource$Events$List) {
  const changed: RemoteObject[] = [];
  const removed: string[] = [];
  let pageToken: string | undefined;
  let token: string | null = null;
  do {
    const page = await list({ ...params, maxResults: PAGE_SIZE, pageToken });
    for (const item of page.items ?? []) {
      // A deleted event (or a removed instance of a series) may carry nothing but its id.
      if (item.status === 'cancelled') {
        if (item.id) removed.push(item.id);
        continue;
      }
      changed.push(remoteObjectOf(item));
    }
    pageToken = page.nextPageToken ?? undefined;
    // Only the last page carries the token.
    token = page.nextSyncToken ?? null;
  } while (pageToken);
  return { changed, removed, token };
}

function remoteObjectOf(item: calendar_v3.Schema$Event): RemoteObject {
  return {
    url: item.id ?? item.iCalUID ?? 'event',
    etag: item.etag ?? null,
    // An event too broken to describe still goes through, so the sync reports it as skipped.
    ics: safeIcs(jsonEventOf(item)) ?? 'not an event',
  };
}

/**
 * Corner's session events read back by their event id (events.get): a deleted event answers 404/410 or
 * comes back with status "cancelled"; one moved in Google Calendar comes back at its new start and end.
 */
async function readGoogleSessionEvents(
  call: <T>(request: () => Promise<T>) => Promise<T>,
  api: ReturnType<typeof googleCalendar>,
  calendarId: string,
  uids: string[],
  floatingZone: string,
): Promise<Map<string, SessionEventTime | null>> {
  const found = new Map<string, SessionEventTime | null>();
  for (const uid of uids) {
    try {
      const answer = await call(() => api.events.get({ calendarId, eventId: base32hex(uid) }));
      found.set(uid, spanOfJsonEvent({ ...jsonEventOf(answer.data), uid }, floatingZone));
    } catch (error) {
      if (!(error instanceof GoogleHttpError) || (error.status !== 404 && error.status !== 410)) throw error;
      found.set(uid, null);
    }
  }
  return found;
}

export function jsonEventOf(item: calendar_v3.Schema$Event): JsonEvent {
  const time = (value: calendar_v3.Schema$EventDateTime | undefined) =>
    value?.date ? { date: value.date } : value?.dateTime ? { instant: value.dateTime } : null;
  return {
    uid: item.iCalUID ?? item.id ?? '',
    start: time(item.start),
    end: time(item.end),
    recurrenceId: item.recurringEventId ? time(item.originalStartTime) : null,
    free: item.transparency === 'transparent',
    cancelled: item.status === 'cancelled',
  };
}

/** An answer of the API with its HTTP status, so callers can tell "already there" from a failure. */
export class GoogleHttpError extends ConnectorUnavailableError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function googleFailure(error: unknown): Error {
  if (error instanceof AuthorizationRevokedError || error instanceof ConnectorUnavailableError) return error;
  const gaxios = error as {
    status?: number;
    response?: { status?: number; data?: { error?: unknown; error_description?: string } };
    message?: string;
  };
  const status = gaxios.status ?? gaxios.response?.status;
  const data = gaxios.response?.data;
  // The token endpoint says invalid_grant when the person revoked Corner's access or the token expired.
  if (data?.error === 'invalid_grant' || status === 401) {
    return new AuthorizationRevokedError(
      typeof data?.error_description === 'string' ? data.error_description : 'access was revoked',
    );
  }
  if (typeof status === 'number') return new GoogleHttpError(status, `Google answered HTTP ${status}`);
  return new ConnectorUnavailableError(
    `Google Calendar could not be reached (${error instanceof Error ? error.message : String(error)})`,
  );
}

// Google event ids may hold only the characters of base32hex (0-9, a-v), 5 to 1024 of them, so the
// session's UID is written in that alphabet: the same session always maps to the same event.
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
export function base32hex(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
}
