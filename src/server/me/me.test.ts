import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { json, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function rolesOf(person: Member): Promise<string[]> {
  return (await json<{ roles: string[] }>(await person.request('/api/v1/me'), 200)).roles;
}

describe('GET /me roles', () => {
  it('a brand-new person is only a member', async () => {
    const newcomer = await signUp(t, 'Nina New');
    const me = await json<{ name: string; roles: string[] }>(await newcomer.request('/api/v1/me'), 200);
    expect(me).toMatchObject({ name: 'Nina New', roles: ['member'] });
  });

  it('a published guide profile makes a guide', async () => {
    const guide = await createGuide(t, 'Gia Guide');
    expect(await rolesOf(guide)).toEqual(['member', 'guide']);
  });

  it('accepting an invitation as the guide makes a guide, and the member stays a member', async () => {
    const pair = await startPair(t, { agree: false });
    expect(await rolesOf(pair.guide)).toEqual(['member', 'guide']);
    expect(await rolesOf(pair.member)).toEqual(['member']);
  });

  it('creating a program makes an admin', async () => {
    const admin = await signUp(t, 'Ada Admin');
    await json(
      await admin.request('/api/v1/programs', { method: 'POST', body: { name: 'Spring mentoring' } }),
      201,
    );
    expect(await rolesOf(admin)).toEqual(['member', 'admin']);
  });

  it('is refused without a session', async () => {
    const response = await t.app.request('/api/v1/me');
    expect(response.status).toBe(401);
  });
});
