import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import {
  acceptProposals,
  confirmPrograms,
  createProgramCohort,
  guideRow,
  type Invitations,
  importRows,
  memberRow,
  runAndPublish,
} from '../../../test/support/program-fixtures';
import { json } from '../../../test/support/relationship-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';

// ISSUE-11 §3: a program reaches only people who joined it, and a published pair starts only when
// both people accept. The PRODUCT.md §3 rules hold through the whole flow.
let t: TestApp;
let admin: Member;

type Detail = {
  status: string;
  declineReason: string | null;
  agreement: { current: { version: number } | null; pending: { version: number } | null };
  proposal: { memberAccepted: boolean; guideAccepted: boolean; declinedByRole: string | null } | null;
};
type Participant = { name: string; status: string };
type Pair = { relationshipId: string; status: string; declinedByRole: string | null };

beforeAll(async () => {
  t = await createTestApp(new Date('2027-02-10T09:00:00Z'));
  admin = await signUp(t, 'Pat Admin');
});
afterAll(() => t.close());

const outboxFor = async (email: string) =>
  (await t.database.db.query.outboxMessages.findMany()).filter((mail) => mail.to === email);

describe('joining a program', () => {
  it('imports people as pending invitations, mails them, and matches nobody until they confirm', async () => {
    const member = await signUp(t, 'Ana Member');
    const guide = await signUp(t, 'Gia Guide', 'Europe/London');
    const cohortId = await createProgramCohort(admin, 'Product League');
    await importRows(admin, cohortId, 'member', [memberRow(member)]);
    await importRows(admin, cohortId, 'guide', [guideRow(guide)]);
    expect((await outboxFor(member.email)).map((mail) => mail.subject).join(' ')).toMatch(
      /invites you to join/,
    );

    const cohort = await json<{ members: number; pendingMembers: number; pendingGuides: number }>(
      await admin.request(`/api/v1/cohorts/${cohortId}`),
      200,
    );
    expect(cohort).toMatchObject({ members: 1, pendingMembers: 1, pendingGuides: 1 });
    const participants = await json<{ participants: Participant[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/participants`),
      200,
    );
    expect(participants.participants.map((p) => p.status)).toEqual(['pending', 'pending']);

    const { run, response } = await runAndPublish(admin, cohortId);
    expect(run.matches).toEqual([]);
    const latest = await json<{ unconfirmed: { name: string; message: string }[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`),
      200,
    );
    expect(latest.unconfirmed.map((entry) => entry.name).sort()).toEqual(['Ana Member', 'Gia Guide']);
    expect(latest.unconfirmed[0]?.message).toMatch(/not yet confirmed/);
    expect((await json<{ proposed: number }>(response, 200)).proposed).toBe(0);

    // Someone else cannot confirm Ana's invitation; Ana can.
    const mine = await json<Invitations>(await member.request('/api/v1/me/invitations'), 200);
    const invite = mine.items.find((item) => item.about === 'program');
    expect(invite).toMatchObject({ kind: 'invitation', programName: 'Product League', role: 'member' });
    expect((await guide.request(invite?.acceptPath ?? '', { method: 'POST' })).status).toBe(404);
    expect(await confirmPrograms(member)).toBe(1);
    expect(await confirmPrograms(guide)).toBe(1);
    expect((await member.request(invite?.acceptPath ?? '', { method: 'POST' })).status).toBe(409);
    const after = await json<{ participants: Participant[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/participants`),
      200,
    );
    expect(after.participants.map((p) => p.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('never matches someone who declined to join', async () => {
    const member = await signUp(t, 'Dee Decliner');
    const guide = await signUp(t, 'Gus Guide', 'Europe/London');
    const cohortId = await createProgramCohort(admin, 'Declined League');
    await importRows(admin, cohortId, 'member', [memberRow(member)]);
    await importRows(admin, cohortId, 'guide', [guideRow(guide)]);
    const mine = await json<Invitations>(await member.request('/api/v1/me/invitations'), 200);
    await json(await member.request(mine.items[0]?.declinePath ?? '', { method: 'POST' }), 200);
    await confirmPrograms(guide);
    const { run } = await runAndPublish(admin, cohortId);
    expect(run.matches).toEqual([]);
  });
});

describe('a published pair', () => {
  let member: Member;
  let guide: Member;
  let cohortId: string;
  let relationshipId: string;

  beforeAll(async () => {
    member = await signUp(t, 'Mia Member');
    guide = await signUp(t, 'Hal Guide', 'Europe/London');
    cohortId = await createProgramCohort(admin, 'Pair League');
    await importRows(admin, cohortId, 'member', [memberRow(member)]);
    await importRows(admin, cohortId, 'guide', [guideRow(guide)]);
    await confirmPrograms(member);
    await confirmPrograms(guide);
    const { response } = await runAndPublish(admin, cohortId);
    expect((await json<{ proposed: number }>(response, 200)).proposed).toBe(1);
    const pairs = await json<{ pairs: Pair[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/pairs`),
      200,
    );
    relationshipId = pairs.pairs[0]?.relationshipId ?? '';
  });

  it('is a proposal both see, with nothing shared and no agreement accepted for them', async () => {
    for (const person of [member, guide]) {
      const mine = await json<Invitations>(await person.request('/api/v1/me/invitations'), 200);
      expect(mine.items.filter((item) => item.kind === 'proposal')).toEqual([
        expect.objectContaining({
          id: relationshipId,
          programName: 'Pair League',
          cohortName: 'Pair League Spring',
        }),
      ]);
    }
    const detail = await json<Detail>(await member.request(`/api/v1/relationships/${relationshipId}`), 200);
    expect(detail).toMatchObject({
      status: 'proposed',
      agreement: { current: null, pending: { version: 1 } },
    });
    for (const path of ['shared-feedback', 'messages', 'actions', 'sessions', 'journal']) {
      const response = await guide.request(`/api/v1/relationships/${relationshipId}/${path}`);
      expect([path, response.status]).toEqual([path, 409]);
    }
    const message = await guide.request(`/api/v1/relationships/${relationshipId}/messages`, {
      method: 'POST',
      body: { body: 'Hello!' },
    });
    expect(message.status).toBe(409);
    const agree = await guide.request(`/api/v1/relationships/${relationshipId}/agreements/1/accept`, {
      method: 'POST',
    });
    expect(agree.status).toBe(409);
  });

  it('starts, with the cohort agreement, once both accept', async () => {
    expect(await acceptProposals(member)).toBe(1);
    const half = await json<Detail>(await guide.request(`/api/v1/relationships/${relationshipId}`), 200);
    expect(half).toMatchObject({
      status: 'proposed',
      proposal: { memberAccepted: true, guideAccepted: false },
    });
    expect((await guide.request(`/api/v1/relationships/${relationshipId}/messages`)).status).toBe(409);
    expect(await acceptProposals(guide)).toBe(1);
    const started = await json<Detail>(await guide.request(`/api/v1/relationships/${relationshipId}`), 200);
    expect(started).toMatchObject({
      status: 'active',
      agreement: { current: { version: 1 }, pending: null },
    });
    expect((await guide.request(`/api/v1/relationships/${relationshipId}/messages`)).status).toBe(200);
    const pairs = await json<{ pairs: Pair[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/pairs`),
      200,
    );
    expect(pairs.pairs.map((pair) => pair.status)).toEqual(['active']);
  });

  it('is not proposed again when the admin publishes the run again', async () => {
    const { response } = await runAndPublish(admin, cohortId);
    expect((await json<{ proposed: number }>(response, 200)).proposed).toBe(0);
  });
});

describe('declining a proposal', () => {
  it('ends it with the reason kept for the decliner; the admin and the other side see only the state', async () => {
    const member = await signUp(t, 'Rae Member');
    const guide = await signUp(t, 'Ike Guide', 'Europe/London');
    const cohortId = await createProgramCohort(admin, 'Decline League');
    await importRows(admin, cohortId, 'member', [memberRow(member)]);
    await importRows(admin, cohortId, 'guide', [guideRow(guide)]);
    await confirmPrograms(member);
    await confirmPrograms(guide);
    await runAndPublish(admin, cohortId);
    const mine = await json<Invitations>(await guide.request('/api/v1/me/invitations'), 200);
    const proposal = mine.items.find((item) => item.kind === 'proposal');
    const reason = 'We used to work together and it ended badly';
    const noReason = await guide.request(proposal?.declinePath ?? '', {
      method: 'POST',
      body: { reason: '' },
    });
    expect(noReason.status).toBe(422);
    await json(await guide.request(proposal?.declinePath ?? '', { method: 'POST', body: { reason } }), 200);

    const pairsResponse = await admin.request(`/api/v1/cohorts/${cohortId}/pairs`);
    const pairsText = await pairsResponse.text();
    expect(pairsText).not.toContain(reason);
    expect(JSON.parse(pairsText).pairs).toEqual([
      expect.objectContaining({ status: 'declined', declinedByRole: 'guide' }),
    ]);
    const theirs = await json<Detail>(await member.request(`/api/v1/relationships/${proposal?.id}`), 200);
    expect(theirs).toMatchObject({
      status: 'declined',
      declineReason: null,
      proposal: { declinedByRole: 'guide' },
    });
    const own = await json<Detail>(await guide.request(`/api/v1/relationships/${proposal?.id}`), 200);
    expect(own.declineReason).toBe(reason);
    expect((await member.request(proposal?.acceptPath ?? '', { method: 'POST' })).status).toBe(409);
    expect((await member.request(`/api/v1/relationships/${proposal?.id}/messages`)).status).toBe(409);
  });
});

describe('publishing within a guide’s capacity', () => {
  it('refuses with a 409 naming the guide and the numbers, and writes nothing', async () => {
    const guide = await createGuide(t, 'Cap Guide', { capacity: 1 });
    const members = [await signUp(t, 'Una Member'), await signUp(t, 'Vic Member')];
    const cohortId = await createProgramCohort(admin, 'Capacity League');
    await importRows(admin, cohortId, 'member', [
      memberRow(members[0] as Member),
      memberRow(members[1] as Member, 'Initech'),
    ]);
    // The application offers 2 seats; the guide's own profile says 1.
    await importRows(admin, cohortId, 'guide', [guideRow(guide, 2)]);
    for (const person of [...members, guide]) await confirmPrograms(person);
    const { run, response } = await runAndPublish(admin, cohortId);
    expect(run.matches).toHaveLength(2);
    expect(response.status).toBe(409);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('guide-over-capacity');
    expect(problem.detail).toMatch(
      /Cap Guide can take 1 person .* already has 0 active or proposed, and this run would add 2/,
    );
    const pairs = await json<{ pairs: Pair[] }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/pairs`),
      200,
    );
    expect(pairs.pairs).toEqual([]);
    const latest = await json<{ publishedAt: string | null }>(
      await admin.request(`/api/v1/cohorts/${cohortId}/match-runs/latest`),
      200,
    );
    expect(latest.publishedAt).toBeNull();
  });
});
