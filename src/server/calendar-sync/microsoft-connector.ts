import {
  Client,
  type Context,
  GraphError,
  HTTPMessageHandler,
  type Middleware,
  RedirectHandler,
  RetryHandler,
} from '@microsoft/microsoft-graph-client';
import {
  type CalendarConnector,
  ConnectorUnavailableError,
  type RemoteObject,
  type SessionEventTime,
} from './caldav-connector';
import { type JsonEvent, safeIcs, sessionEventFromIcs, spanOfJsonEvent } from './json-events';
import {
  DELTA_PAGE_SIZE,
  type DeltaPage,
  type DeltaRound,
  deltaRound,
  deltaTokenRefused,
  followable,
} from './microsoft-delta';
import {
  AuthorizationRevokedError,
  type OAuthProvider,
  type OAuthTokens,
  requestTokens,
} from './oauth-providers';

// Microsoft 365 / Outlook calendars through Microsoft Graph (@microsoft/microsoft-graph-client). Graph's
// calendarView returns a window with every series already expanded into occurrences. An event's iCalUId
// is read-only in Graph, so the session's UID is kept in a single-value extended property and the event
// is found by it when the session moves or is cancelled.

const PAGE_SIZE = 500;
const EXPIRY_MARGIN_MS = 60_000;
/** A named MAPI property in Corner's own property set (PS_PUBLIC_STRINGS would collide with others). */
export const SESSION_UID_PROPERTY = 'String {4c0a5b5e-6c4e-4f59-9c3c-2b8d3c7e1a10} Name CornerSessionUid';

type GraphCalendar = { id: string; name?: string; canEdit?: boolean; changeKey?: string };
type GraphDateTime = { dateTime: string; timeZone?: string };
export type GraphEvent = {
  id?: string;
  iCalUId?: string;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  isAllDay?: boolean;
  isCancelled?: boolean;
  showAs?: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
  start?: GraphDateTime;
  end?: GraphDateTime;
  originalStart?: string;
};
type Page<T> = { value?: T[]; '@odata.nextLink'?: string };
// Several preferences go in one Prefer header (RFC 7240); delta pages are sized by odata.maxpagesize.
const DELTA_HEADERS = { Prefer: `outlook.timezone="UTC", odata.maxpagesize=${DELTA_PAGE_SIZE}` };

export type MicrosoftConnectorOptions = {
  provider: OAuthProvider;
  tokens: OAuthTokens;
  save?: (tokens: OAuthTokens) => Promise<void>;
};

export function connectMicrosoft({ provider, tokens, save }: MicrosoftConnectorOptions): CalendarConnector & {
  accountEmail(): Promise<string>;
} {
  let current = tokens;
  const refresh = async () => {
    current = await requestTokens(provider, { refreshToken: current.refreshToken });
    await save?.(current);
  };
  const apiUrl = new URL(provider.apiBaseUrl);
  const version = apiUrl.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const client = Client.initWithMiddleware({
    baseUrl: apiUrl.origin,
    defaultVersion: version,
    middleware: chain(
      bearerToken(apiUrl.origin, async () => {
        const valid =
          current.accessToken && current.expiresAt && current.expiresAt - EXPIRY_MARGIN_MS > Date.now();
        if (!valid) await refresh();
        return current.accessToken ?? '';
      }),
      new RetryHandler(),
      new RedirectHandler(),
      new HTTPMessageHandler(),
    ),
  });
  // A token that expired early (or was revoked server-side) answers 401: one fresh token, one more try.
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      try {
        return await request();
      } catch (error) {
        if (!(error instanceof GraphError) || error.statusCode !== 401) throw error;
        await refresh();
        return await request();
      }
    } catch (error) {
      throw graphFailure(error);
    }
  };
  const pages = async <T>(
    first: string,
    query: Record<string, string>,
    headers: Record<string, string> = {},
  ) => {
    const items: T[] = [];
    let page = await call<Page<T>>(() => client.api(first).query(query).headers(headers).get());
    items.push(...(page.value ?? []));
    while (page['@odata.nextLink']) {
      const next = page['@odata.nextLink'];
      page = await call<Page<T>>(() => client.api(next).headers(headers).get());
      items.push(...(page.value ?? []));
    }
    return items;
  };
  const findSession = async (calendarId: string, uid: string): Promise<string | null> => {
    const escaped = uid.replaceAll("'", "''");
    const found = await call<Page<{ id: string }>>(() =>
      client
        .api(`/me/calendars/${encodeURIComponent(calendarId)}/events`)
        .filter(
          `singleValueExtendedProperties/Any(ep: ep/id eq '${SESSION_UID_PROPERTY}' and ep/value eq '${escaped}')`,
        )
        .select('id')
        .get(),
    );
    return found.value?.[0]?.id ?? null;
  };

  return {
    async accountEmail() {
      const me = await call<{ mail?: string | null; userPrincipalName?: string }>(() =>
        client.api('/me').select('mail,userPrincipalName').get(),
      );
      return me.mail ?? me.userPrincipalName ?? 'Microsoft 365';
    },
    async listCalendars() {
      const calendars = await pages<GraphCalendar>('/me/calendars', {
        $select: 'id,name,canEdit,changeKey',
        $top: '100',
      });
      return calendars.map((calendar) => ({
        url: calendar.id,
        displayName: calendar.name ?? calendar.id,
        // A calendar's changeKey tracks the calendar's own properties, not its events: no skip marker.
        ctag: null,
        syncToken: null,
      }));
    },
    async fetchObjects(calendarId, window) {
      const events = await pages<GraphEvent>(
        `/me/calendars/${encodeURIComponent(calendarId)}/calendarView`,
        {
          startDateTime: window.from.toISOString(),
          endDateTime: window.to.toISOString(),
          $select: 'id,iCalUId,type,isAllDay,isCancelled,showAs,start,end,originalStart',
          $top: String(PAGE_SIZE),
        },
        { Prefer: 'outlook.timezone="UTC"' },
      );
      return events.map(
        (event): RemoteObject => ({
          url: event.id ?? event.iCalUId ?? 'event',
          etag: null,
          ics: safeIcs(jsonEventOf(event)) ?? 'not an event',
        }),
      );
    },
    async fetchChanges(calendarId, { window, token }) {
      const get = (path: string, query: Record<string, string> = {}) =>
        call<DeltaPage<GraphEvent>>(() => client.api(path).query(query).headers(DELTA_HEADERS).get());
      const objects = ({ changed, removed, token: next }: DeltaRound<GraphEvent>) => ({
        changed: changed.map(remoteObjectOf),
        removed,
        token: next,
      });
      if (token) {
        try {
          return { full: false, ...objects(await deltaRound(get, followable(token, version), {}, version)) };
        } catch (error) {
          if (!(error instanceof MicrosoftHttpError) || !deltaTokenRefused(error.status, error.code)) {
            throw error;
          }
        }
      }
      // $select is not supported on a calendarView delta: Graph answers with the whole event.
      const first = await deltaRound(
        get,
        `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta`,
        { startDateTime: window.from.toISOString(), endDateTime: window.to.toISOString() },
        version,
      );
      return { full: true, ...objects(first) };
    },
    async putObject(calendarId, uid, ics) {
      const session = sessionEventFromIcs(ics);
      const body = {
        subject: session.summary,
        body: { contentType: 'text', content: session.description ?? '' },
        start: { dateTime: session.start.toISOString().replace(/Z$/, ''), timeZone: 'UTC' },
        end: { dateTime: session.end.toISOString().replace(/Z$/, ''), timeZone: 'UTC' },
        location: { displayName: session.url ?? session.location ?? '' },
        ...(session.url ? { onlineMeetingUrl: session.url } : {}),
        showAs: 'busy',
        isReminderOn: true,
      };
      const existing = await findSession(calendarId, uid);
      if (existing) {
        await call(() => client.api(`/me/events/${encodeURIComponent(existing)}`).patch(body));
        return;
      }
      await call(() =>
        client.api(`/me/calendars/${encodeURIComponent(calendarId)}/events`).post({
          ...body,
          // Graph drops a second POST with the same transactionId, so a retried job books once.
          transactionId: uid,
          singleValueExtendedProperties: [{ id: SESSION_UID_PROPERTY, value: uid }],
        }),
      );
    },
    readSessionEvents: (calendarId, uids, floatingZone) =>
      readGraphSessionEvents(call, client, calendarId, uids, floatingZone),
    async deleteObject(calendarId, uid) {
      const existing = await findSession(calendarId, uid);
      if (!existing) return;
      try {
        await call(() => client.api(`/me/events/${encodeURIComponent(existing)}`).delete());
      } catch (error) {
        if (error instanceof MicrosoftHttpError && error.status === 404) return;
        throw error;
      }
    },
  };
}

function remoteObjectOf(event: GraphEvent): RemoteObject {
  return {
    url: event.id ?? event.iCalUId ?? 'event',
    etag: null,
    ics: safeIcs(jsonEventOf(event)) ?? 'not an event',
  };
}

/**
 * Corner's session events found again by the extended property holding the session's UID. Graph moves a
 * deleted event out of the calendar (to Deleted Items), so it is simply not found; a cancelled one says
 * isCancelled; a moved one answers with its new start and end, in UTC as asked.
 */
async function readGraphSessionEvents(
  call: <T>(request: () => Promise<T>) => Promise<T>,
  client: Client,
  calendarId: string,
  uids: string[],
  floatingZone: string,
): Promise<Map<string, SessionEventTime | null>> {
  const found = new Map<string, SessionEventTime | null>();
  for (const uid of uids) {
    const escaped = uid.replaceAll("'", "''");
    const page = await call<Page<GraphEvent>>(() =>
      client
        .api(`/me/calendars/${encodeURIComponent(calendarId)}/events`)
        .filter(
          `singleValueExtendedProperties/Any(ep: ep/id eq '${SESSION_UID_PROPERTY}' and ep/value eq '${escaped}')`,
        )
        .select('id,iCalUId,type,isAllDay,isCancelled,showAs,start,end,originalStart')
        .header('Prefer', 'outlook.timezone="UTC"')
        .get(),
    );
    const [event] = page.value ?? [];
    found.set(uid, event ? spanOfJsonEvent({ ...jsonEventOf(event), uid }, floatingZone) : null);
  }
  return found;
}

export function jsonEventOf(event: GraphEvent): JsonEvent {
  // With Prefer outlook.timezone="UTC" times come without an offset, in UTC; an all-day event is a date.
  const time = (value: GraphDateTime | undefined) => {
    if (!value?.dateTime) return null;
    if (event.isAllDay) return { date: value.dateTime.slice(0, 10) };
    if (/([Zz]|[+-]\d\d:\d\d)$/.test(value.dateTime)) return { instant: value.dateTime };
    // A time in another zone means the Prefer header was not honoured: skipped, never guessed.
    if (value.timeZone && value.timeZone !== 'UTC') return null;
    return { instant: `${value.dateTime}Z` };
  };
  const inSeries = event.type === 'occurrence' || event.type === 'exception';
  const recurrenceId = inSeries
    ? event.originalStart
      ? event.isAllDay
        ? { date: event.originalStart.slice(0, 10) }
        : { instant: event.originalStart }
      : time(event.start)
    : null;
  return {
    uid: event.iCalUId ?? event.id ?? '',
    start: time(event.start),
    end: time(event.end),
    recurrenceId,
    free: event.showAs === 'free' || event.showAs === 'workingElsewhere',
    cancelled: event.isCancelled === true,
  };
}

export class MicrosoftHttpError extends ConnectorUnavailableError {
  constructor(
    readonly status: number,
    message: string,
    /** Graph's error code (error.code in the body), e.g. syncStateNotFound. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

function graphFailure(error: unknown): Error {
  if (error instanceof AuthorizationRevokedError || error instanceof ConnectorUnavailableError) return error;
  if (error instanceof GraphError) {
    if (error.statusCode === 401) return new AuthorizationRevokedError('Microsoft refused the access token');
    if (error.statusCode > 0)
      return new MicrosoftHttpError(
        error.statusCode,
        `Microsoft Graph answered HTTP ${error.statusCode}`,
        error.code ?? null,
      );
  }
  return new ConnectorUnavailableError(
    `Microsoft Graph could not be reached (${error instanceof Error ? error.message : String(error)})`,
  );
}

// The token goes only to the configured Graph origin, never to another host a next link or redirect
// might name. (The library's own AuthenticationHandler does the same for https Graph hosts only, which
// would leave the tests' local server without a token.)
function bearerToken(origin: string, token: () => Promise<string>): Middleware {
  let next: Middleware | undefined;
  return {
    setNext: (middleware) => {
      next = middleware;
    },
    execute: async (context: Context) => {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      if (new URL(url, origin).origin === origin) {
        const value = `Bearer ${await token()}`;
        if (typeof context.request !== 'string') context.request.headers.set('Authorization', value);
        const headers = new Headers(context.options?.headers as HeadersInit | undefined);
        headers.set('Authorization', value);
        context.options = { ...context.options, headers: Object.fromEntries(headers) };
      }
      if (!next) throw new Error('the Graph middleware chain has no HTTP handler');
      await next.execute(context);
    },
  };
}

function chain(...middleware: Middleware[]): Middleware[] {
  for (const [index, item] of middleware.entries()) {
    const following = middleware[index + 1];
    if (following) item.setNext?.(following);
  }
  return middleware;
}
