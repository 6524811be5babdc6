import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { session } from '../db/schema';
import { SESSION_CACHE_TTL_MS } from './session-cache';

// The session cache must make reads cheaper without changing who can read: a sign-out ends access at
// once, a session revoked elsewhere stops working within the cache's bound, and a forged cookie never
// rides on a cached entry.
let t: TestApp;
let nowMs = Date.now();
const queriesOf = (t: TestApp) => t.database.db;

beforeAll(async () => {
  t = await createTestApp(undefined, { sessionCache: { now: () => nowMs } });
});
afterAll(async () => {
  await t.close();
});

const me = async (request: (path: string) => Promise<Response> | Response) =>
  (await request('/api/v1/me')).status;

describe('session cache', () => {
  it('answers a repeated read from the cache: the session row is no longer consulted', async () => {
    const member = await signUp(t, 'Cache Hit');
    expect(await me(member.request)).toBe(200);
    // Deleting the row behind the cache's back (as another instance's sign-out would) still lets the
    // cached session through: the proof that the second read did not look it up.
    await queriesOf(t).delete(session).where(eq(session.userId, member.userId));
    expect(await me(member.request)).toBe(200);
    const getSession = await member.request('/api/auth/get-session');
    expect(getSession.status).toBe(200);
    expect(((await getSession.json()) as { user: { id: string } }).user.id).toBe(member.userId);
  });

  it('stops a session revoked elsewhere once the cache bound has passed', async () => {
    const member = await signUp(t, 'Revoked Elsewhere');
    expect(await me(member.request)).toBe(200);
    await queriesOf(t).delete(session).where(eq(session.userId, member.userId));
    nowMs += SESSION_CACHE_TTL_MS - 1;
    expect(await me(member.request)).toBe(200);
    nowMs += 2;
    expect(await me(member.request)).toBe(401);
    expect(await (await member.request('/api/auth/get-session')).text()).toBe('null');
  });

  it('ends access at once on sign-out, for the API and for get-session', async () => {
    const member = await signUp(t, 'Signs Out');
    expect(await me(member.request)).toBe(200);
    expect((await member.request('/api/auth/get-session')).status).toBe(200);
    const out = await member.request('/api/auth/sign-out', { method: 'POST' });
    expect(out.status).toBe(200);
    expect(await me(member.request)).toBe(401);
    expect(await (await member.request('/api/auth/get-session')).text()).toBe('null');
  });

  it('ends access at once when a session is revoked through better-auth', async () => {
    const member = await signUp(t, 'Revokes All');
    expect(await me(member.request)).toBe(200);
    const revoked = await member.request('/api/auth/revoke-sessions', { method: 'POST', body: {} });
    expect(revoked.status).toBe(200);
    expect(await me(member.request)).toBe(401);
  });

  it('never serves a cached session to a cookie with an altered signature', async () => {
    const member = await signUp(t, 'Forged');
    expect(await me(member.request)).toBe(200);
    const [row] = await queriesOf(t).select().from(session).where(eq(session.userId, member.userId));
    // The real token with a signature that is not the server's: better-auth must judge it, not the cache.
    const response = await t.app.request('/api/v1/me', {
      headers: { cookie: `better-auth.session_token=${row?.token}.${'A'.repeat(43)}%3D` },
    });
    expect(response.status).toBe(401);
    expect(await me(member.request)).toBe(200);
  });
});
