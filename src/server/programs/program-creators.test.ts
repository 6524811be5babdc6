import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import { ConfigError, loadConfig } from '../config';

// PROGRAM_CREATORS: anyone signed in (default), or only the listed addresses.
let t: TestApp;
const allowed: string[] = [];
afterAll(() => t.close());
beforeAll(async () => {
  t = await createTestApp(undefined, { programCreators: { mode: 'allowlist', emails: allowed } });
});

describe('who may create programs', () => {
  it('with an allowlist, refuses people not on it with a 403 problem and lets listed people in', async () => {
    const listed = await signUp(t, 'Lia Listed');
    const other = await signUp(t, 'Otto Other');
    allowed.push(listed.email);
    const refused = await other.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Nope League' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ code: 'program-creation-restricted' });
    const created = await listed.request('/api/v1/programs', {
      method: 'POST',
      body: { name: 'Yes League' },
    });
    expect(created.status).toBe(201);
  });

  it('reads the setting: anyone by default, a normalised list, and a sentence when the list is missing', () => {
    expect(loadConfig({}).programCreators).toEqual({ mode: 'anyone' });
    expect(
      loadConfig({
        PROGRAM_CREATORS: 'allowlist',
        PROGRAM_CREATOR_EMAILS: ' Ann@Example.test , bo@example.test',
      }).programCreators,
    ).toEqual({ mode: 'allowlist', emails: ['ann@example.test', 'bo@example.test'] });
    expect(() => loadConfig({ PROGRAM_CREATORS: 'allowlist' })).toThrow(ConfigError);
    expect(() => loadConfig({ PROGRAM_CREATORS: 'admins' })).toThrow(
      /PROGRAM_CREATORS must be anyone or allowlist/,
    );
  });
});

describe('the default', () => {
  it('lets any signed-in person create a program', async () => {
    const open = await createTestApp();
    try {
      const person = await signUp(open, 'Any One');
      expect(
        (await person.request('/api/v1/programs', { method: 'POST', body: { name: 'Open League' } })).status,
      ).toBe(201);
    } finally {
      await open.close();
    }
  });
});
