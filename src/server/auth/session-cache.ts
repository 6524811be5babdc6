import { createHash } from 'node:crypto';
import { parse } from 'hono/utils/cookie';
import type { Actor } from './actor';

/**
 * How long one instance trusts a session it has already looked up. Sign-out, revocation and user
 * updates made through this instance's better-auth evict at once (database hooks in auth.ts); a
 * session ended on ANOTHER instance, or by deleting rows directly, keeps working here for at most
 * this long. That is the cross-instance staleness bound: a few seconds, against a lookup (two
 * queries, an HMAC check and better-auth's endpoint machinery) that cost most of a read's CPU.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
/** Enough for every person active within the TTL on one instance; the oldest entries go first. */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

/** What better-auth's getSession returns, reduced to what the cache reads. */
export type FoundSession = {
  session: { token: string; userId: string; expiresAt: Date };
  user: { id: string; email: string; name: string; timeZone?: unknown };
};

export type CachedSession = {
  actor: Actor;
  /** The get-session answer, serialised once. */
  body: string;
  token: string;
  userId: string;
  until: number;
};

export type SessionCacheOptions = { ttlMs?: number; maxEntries?: number; now?: () => number };

// better-auth's cookies (session_token, and its session_data / dont_remember companions, with or
// without the __Secure- prefix) all contain this; other cookies on the site do not change the session.
const AUTH_COOKIE_MARK = 'better-auth';

export function createSessionCache(options: SessionCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? SESSION_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? SESSION_CACHE_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const entries = new Map<string, CachedSession>();
  // Bumped by every eviction, so a lookup that was in flight while a session ended cannot put the
  // ended session back.
  let generation = 0;

  const get = (key: string): CachedSession | null => {
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.until <= now()) {
      entries.delete(key);
      return null;
    }
    return entry;
  };
  const forget = (match: (entry: CachedSession) => boolean) => {
    generation++;
    for (const [key, entry] of entries) if (match(entry)) entries.delete(key);
  };

  return {
    /**
     * The cache key of a request: a hash of its better-auth cookies exactly as sent (signature
     * included). An entry is only ever stored after better-auth verified that signature and found the
     * session, so a forged or altered cookie hashes to a key that is not there. null: no auth cookie.
     */
    keyOf(cookieHeader: string | null): string | null {
      if (!cookieHeader?.includes(AUTH_COOKIE_MARK)) return null;
      const cookies = Object.entries(parse(cookieHeader))
        .filter(([name]) => name.includes(AUTH_COOKIE_MARK))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, value]) => `${name}=${value}`);
      if (cookies.length === 0) return null;
      return createHash('sha256').update(cookies.join(';')).digest('base64url');
    },

    get,

    /** Reads the session through the cache; `load` is better-auth's full lookup. */
    async read(key: string, load: () => Promise<FoundSession | null>): Promise<CachedSession | null> {
      const hit = get(key);
      if (hit) return hit;
      const startedAt = generation;
      const found = await load();
      if (!found) return null;
      const entry: CachedSession = {
        actor: {
          userId: found.user.id,
          email: found.user.email,
          name: found.user.name,
          timeZone: String(found.user.timeZone ?? 'UTC'),
        },
        body: JSON.stringify(found),
        token: found.session.token,
        userId: found.user.id,
        until: Math.min(now() + ttlMs, new Date(found.session.expiresAt).getTime()),
      };
      if (generation === startedAt) {
        if (entries.size >= maxEntries) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entries.set(key, entry);
      }
      return entry;
    },

    forgetToken(token: string) {
      forget((entry) => entry.token === token);
    },

    forgetUser(userId: string) {
      forget((entry) => entry.userId === userId);
    },

    get size() {
      return entries.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
