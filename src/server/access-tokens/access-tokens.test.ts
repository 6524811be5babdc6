import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { accessTokens } from '../db/schema';
import { authenticateAccessToken } from './authenticate-access-token';

let t: TestApp;
let ana: Member;
let ben: Member;

beforeAll(async () => {
  t = await createTestApp();
  ana = await signUp(t, 'Ana Member');
  ben = await signUp(t, 'Ben Member');
});
afterAll(() => t.close());

type Created = { accessToken: { id: string; prefix: string; revokedAt: string | null }; token: string };

describe('personal access tokens', () => {
  it('shows a token once, stores only its hash, and authenticates its owner until revoked', async () => {
    const response = await ana.request('/api/v1/access-tokens', {
      method: 'POST',
      body: { name: 'my assistant' },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created.token).toMatch(/^corner_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.accessToken.prefix)).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(accessTokens)
      .where(eq(accessTokens.id, created.accessToken.id));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const listed = await (await ana.request('/api/v1/access-tokens')).text();
    expect(listed).not.toContain(created.token);
    const actor = await authenticateAccessToken(t.database.db, created.token, t.clock.now);
    expect(actor.userId).toBe(ana.userId);

    expect(
      (await ben.request(`/api/v1/access-tokens/${created.accessToken.id}`, { method: 'DELETE' })).status,
    ).toBe(404);
    await expect(authenticateAccessToken(t.database.db, created.token, t.clock.now)).resolves.toBeTruthy();

    const revoked = await ana.request(`/api/v1/access-tokens/${created.accessToken.id}`, {
      method: 'DELETE',
    });
    expect(((await revoked.json()) as Created['accessToken']).revokedAt).not.toBeNull();
    await expect(authenticateAccessToken(t.database.db, created.token, t.clock.now)).rejects.toThrow(
      /revoked/,
    );
    await expect(authenticateAccessToken(t.database.db, 'corner_pat_guess', t.clock.now)).rejects.toThrow(
      /not valid/,
    );
  });
});
