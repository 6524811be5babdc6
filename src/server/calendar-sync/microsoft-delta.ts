// Incremental sync through Microsoft Graph's calendarView delta, as Graph documents it: the first round
// (startDateTime/endDateTime) returns every occurrence in the window over pages linked by
// @odata.nextLink, and its last page gives an @odata.deltaLink; requesting that link later returns only
// what changed since, a deleted event as its id with `@removed`. The window is fixed by the first round.

export type DeltaItem = { id?: string; '@removed'?: { reason?: string } };
export type DeltaPage<T> = {
  value?: (T & DeltaItem)[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};
export type DeltaRound<T> = { changed: T[]; removed: string[]; token: string | null };

/** Delta pages are sized by this preference; $top is not honoured by delta queries. */
export const DELTA_PAGE_SIZE = 500;

/**
 * Reads one delta round from its first request to the page with the delta link.
 * @param get fetches a path (relative to the Graph version) with optional query parameters
 */
export async function deltaRound<T>(
  get: (path: string, query?: Record<string, string>) => Promise<DeltaPage<T>>,
  first: string,
  query: Record<string, string> = {},
  version: string,
): Promise<DeltaRound<T>> {
  const changed: T[] = [];
  const removed: string[] = [];
  let page = await get(first, query);
  for (;;) {
    for (const item of page.value ?? []) {
      if (item['@removed']) {
        if (item.id) removed.push(item.id);
      } else {
        changed.push(item);
      }
    }
    const next = page['@odata.nextLink'];
    if (!next) break;
    page = await get(followable(next, version));
  }
  return { changed, removed, token: page['@odata.deltaLink'] ?? null };
}

/**
 * A next or delta link as a path under the configured Graph version: the link is always followed on the
 * configured Graph host, so the access token never goes to a host a response names.
 */
export function followable(link: string, version: string): string {
  const url = new URL(link);
  const prefix = `/${version}/`;
  const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length - 1) : url.pathname;
  return `${path}${url.search}`;
}

/** Graph refuses a delta token it no longer holds with 410 Gone or a sync-state error code. */
export function deltaTokenRefused(status: number, code: string | null): boolean {
  return status === 410 || /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i.test(code ?? '');
}
