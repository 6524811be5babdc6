import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, localIn, startPair } from '../../../test/support/relationship-fixtures';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { auditEvents, journalEntries, outreachContacts, sessionPrivateNotes, user } from '../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'correct-horse-battery';

async function pairWithContent() {
  const pair = await startPair(t);
  const { member, guide, relationshipId } = pair;
  const scheduled = await json<{ id: string }>(
    await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
      method: 'POST',
      body: { localStart: localIn(t.clock.now, 5, 10), timeZone: 'Europe/Berlin', allowShortNotice: true },
    }),
    201,
  );
  const sessionId = scheduled.id;
  await json(
    await member.request(`/api/v1/sessions/${sessionId}/shared-notes`, {
      method: 'PUT',
      body: { body: 'We agreed on the pricing experiment.', version: 0 },
    }),
    200,
  );
  for (const [who, body] of [
    [member, 'Mia private: I felt nervous about pricing.'],
    [guide, 'Gus private: push on the experiment.'],
  ] as const) {
    const saved = await who.request(`/api/v1/sessions/${sessionId}/private-note`, {
      method: 'PUT',
      body: { body },
    });
    expect(saved.status).toBe(200);
  }
  await json(
    await member.request('/api/v1/journal', { method: 'POST', body: { body: 'Mia journal: a hard week.' } }),
    201,
  );
  await json(
    await member.request('/api/v1/outreach', { method: 'POST', body: { name: 'Erin Expert' } }),
    201,
  );
  return { ...pair, sessionId };
}

describe('deleting one’s own account', () => {
  it('refuses without the typed confirmation or with a wrong password, and erases nothing', async () => {
    const { member } = await pairWithContent();
    const unconfirmed = await member.request('/api/v1/me/delete', {
      method: 'POST',
      body: { confirmation: 'yes', password: PASSWORD },
    });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({ code: 'confirmation-mismatch', field: 'confirmation' });
    const wrongPassword = await member.request('/api/v1/me/delete', {
      method: 'POST',
      body: { confirmation: 'delete my account', password: 'not-my-password' },
    });
    expect(wrongPassword.status).toBe(403);
    expect(await wrongPassword.json()).toMatchObject({ code: 'wrong-password' });
    const journal = await t.database.db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.userId, member.userId));
    expect(journal).toHaveLength(1);
    expect((await member.request('/api/v1/me')).status).toBe(200);
  });

  it('erases private content, keeps the shared records for the other person as "former member", ends sign-in', async () => {
    const { member, guide, relationshipId, sessionId } = await pairWithContent();
    const deleted = await member.request('/api/v1/me/delete', {
      method: 'POST',
      body: { confirmation: 'Delete my account', password: PASSWORD },
    });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({
      deleted: true,
      erased: { privateNotes: 1, journalEntries: 1, outreachContacts: 1 },
    });

    const db = t.database.db;
    // Erased: the member's private notes, journal and outreach.
    expect(
      await db.select().from(sessionPrivateNotes).where(eq(sessionPrivateNotes.userId, member.userId)),
    ).toEqual([]);
    expect(await db.select().from(journalEntries).where(eq(journalEntries.userId, member.userId))).toEqual(
      [],
    );
    expect(
      await db.select().from(outreachContacts).where(eq(outreachContacts.memberId, member.userId)),
    ).toEqual([]);
    const [tombstone] = await db.select().from(user).where(eq(user.id, member.userId));
    expect(tombstone?.name).toBe('former member');
    expect(tombstone?.email).not.toBe(member.email);

    // Kept: the guide's own private note, the relationship and the shared notes, naming "former member".
    const guideNotes = await db
      .select()
      .from(sessionPrivateNotes)
      .where(eq(sessionPrivateNotes.userId, guide.userId));
    expect(guideNotes.map((n) => n.body)).toEqual(['Gus private: push on the experiment.']);
    const relationship = await guide.request(`/api/v1/relationships/${relationshipId}`);
    expect(relationship.status).toBe(200);
    const relationshipText = await relationship.text();
    expect(relationshipText).toContain('former member');
    expect(relationshipText).not.toContain('Mia Member');
    const session = await json<{ sharedNotes: { body: string } }>(
      await guide.request(`/api/v1/sessions/${sessionId}`),
      200,
    );
    expect(session.sharedNotes.body).toBe('We agreed on the pricing experiment.');
    expect(JSON.stringify(session)).not.toContain('Mia private');

    // The account cannot be used any more: its session is gone and its password no longer signs in.
    expect((await member.request('/api/v1/me')).status).toBe(401);
    const signIn = await t.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: member.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(401);

    // The deletion is in the audit log, with counts and no content.
    const events = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.target, `user:${member.userId}`));
    const deletion = events.find((e) => e.action === 'account.deleted');
    expect(deletion?.meta).toMatchObject({ privateNotes: 1, journalEntries: 1 });
    expect(JSON.stringify(events)).not.toContain('nervous');
  });

  it('needs a signed-in person', async () => {
    const anonymous = await t.app.request('/api/v1/me/delete', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ confirmation: 'delete my account', password: PASSWORD }),
    });
    expect(anonymous.status).toBe(401);
  });
});
