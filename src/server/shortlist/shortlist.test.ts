import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuide } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { outboxMessages } from '../db/schema';

let t: TestApp;
let member: Member;
let guides: Member[];

type Shortlist = {
  entries: {
    guide: { userId: string };
    intro: { status: string } | null;
    scorecard: { verdict: string } | null;
  }[];
  nudges: { code: string }[];
};
type Intro = { id: string; status: string; scheduledAt: string | null; declineReason: string | null };

const inDays = (days: number) => new Date(t.clock.now.getTime() + days * 86_400_000).toISOString();
const goodCard = {
  fit: { clicked: 'yes', 'safe-to-be-honest': 'yes', 'made-me-think': 'yes', energized: 'yes' },
  redFlags: [],
  guideAnswers: { 'what-it-means-to-you': 'Helping people find their own answers' },
};

beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Mia Member');
  guides = [];
  for (const name of ['Gia One', 'Gus Two', 'Gil Three', 'Gwen Four', 'Gabe Five', 'Gert Six']) {
    guides.push(await createGuide(t, name));
  }
});
afterAll(() => t.close());

async function shortlist(): Promise<Shortlist> {
  return (await (await member.request('/api/v1/shortlist')).json()) as Shortlist;
}
const guide = (index: number): Member => {
  const found = guides[index];
  if (!found) throw new Error(`no guide ${index}`);
  return found;
};

describe('shortlist', () => {
  it('nudges towards 3–5 candidates and refuses a sixth', async () => {
    expect((await shortlist()).nudges.map((n) => n.code)).toContain('grow-shortlist');
    for (const index of [0, 1, 2, 3, 4]) {
      const response = await member.request('/api/v1/shortlist', {
        method: 'POST',
        body: { guideId: guide(index).userId },
      });
      expect(response.status).toBe(200);
    }
    const full = await member.request('/api/v1/shortlist', {
      method: 'POST',
      body: { guideId: guide(5).userId },
    });
    expect(full.status).toBe(409);
    expect(((await full.json()) as { code: string }).code).toBe('shortlist-full');
    const removed = await member.request(`/api/v1/shortlist/${guide(4).userId}`, { method: 'DELETE' });
    expect(((await removed.json()) as Shortlist).entries).toHaveLength(4);
    await member.request(`/api/v1/shortlist/${guide(3).userId}`, { method: 'DELETE' });
    expect((await shortlist()).nudges.map((n) => n.code)).toEqual(['book-intros']);
  });
});

describe('intro sessions, scorecards, comparison and choice', () => {
  it('runs requests through accept, propose and decline, with both sides seeing the status', async () => {
    const ask = async (index: number) => {
      const response = await member.request('/api/v1/intros', {
        method: 'POST',
        body: {
          guideId: guide(index).userId,
          message: 'I would love to talk about pricing.',
          proposedTimes: [inDays(3)],
        },
      });
      expect(response.status).toBe(201);
      return (await response.json()) as Intro;
    };
    const [first, second, third] = [await ask(0), await ask(1), await ask(2)];
    if (!first || !second || !third) throw new Error('expected three intros');
    const duplicate = await member.request('/api/v1/intros', {
      method: 'POST',
      body: { guideId: guide(0).userId, message: 'Asking again about pricing.', proposedTimes: [inDays(4)] },
    });
    expect(duplicate.status).toBe(409);

    const mails = await t.database.db.select().from(outboxMessages);
    expect(mails.some((mail) => mail.to === guide(0).email && mail.subject.includes('intro'))).toBe(true);

    t.clock.advanceDays(1);
    const accepted = await guide(0).request(`/api/v1/intros/${first.id}/response`, {
      method: 'POST',
      body: { action: 'accept', time: inDays(2) },
    });
    expect(((await accepted.json()) as Intro).status).toBe('accepted');
    const proposed = await guide(1).request(`/api/v1/intros/${second.id}/response`, {
      method: 'POST',
      body: { action: 'propose', time: inDays(2), note: 'Mornings suit me better.' },
    });
    expect(((await proposed.json()) as Intro).status).toBe('new-time-proposed');
    const taken = await member.request(`/api/v1/intros/${second.id}/accept-proposed-time`, {
      method: 'POST',
    });
    expect(((await taken.json()) as Intro).status).toBe('accepted');
    const declined = await guide(2).request(`/api/v1/intros/${third.id}/response`, {
      method: 'POST',
      body: { action: 'decline', reason: 'I am full until spring.' },
    });
    expect(((await declined.json()) as Intro).declineReason).toBe('I am full until spring.');

    // Only the guide answers, and only once; a stranger learns nothing.
    const again = await guide(0).request(`/api/v1/intros/${first.id}/response`, {
      method: 'POST',
      body: { action: 'decline', reason: 'changed my mind' },
    });
    expect(again.status).toBe(409);
    const byMember = await member.request(`/api/v1/intros/${third.id}/response`, {
      method: 'POST',
      body: { action: 'accept', time: inDays(5) },
    });
    expect(byMember.status).toBe(404);
    expect((await guide(3).request(`/api/v1/intros/${first.id}`)).status).toBe(404);

    const guideView = (await (await guide(0).request('/api/v1/intros')).json()) as { received: Intro[] };
    expect(guideView.received.map((intro) => intro.status)).toEqual(['accepted']);
    const profile = (await (await member.request(`/api/v1/guides/${guide(0).userId}`)).json()) as {
      reliability: { medianReplyHours: number; introRequestsAnswered: number };
    };
    expect(profile.reliability).toMatchObject({ medianReplyHours: 24, introRequestsAnswered: 1 });
  });

  it('scores intros, compares them side by side and records the choice with a prefilled agreement', async () => {
    t.clock.advanceDays(3);
    const save = async (index: number, body: object) => {
      const response = await member.request('/api/v1/scorecards', {
        method: 'PUT',
        body: { guideId: guide(index).userId, ...body },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string; result: { verdict: string } };
    };
    const good = await save(0, goodCard);
    const poor = await save(1, { fit: goodCard.fit, redFlags: ['did-not-feel-safe'] });
    expect(good.result.verdict).toBe('strong-fit');
    expect(poor.result.verdict).toBe('poor-fit');
    const comparison = (await (await member.request('/api/v1/scorecards/comparison')).json()) as {
      scorecards: { id: string }[];
    };
    expect(comparison.scorecards.map((card) => card.id)).toEqual([good.id, poor.id]);

    const chosen = await member.request('/api/v1/choices', {
      method: 'POST',
      body: { guideId: guide(0).userId },
    });
    expect(chosen.status).toBe(201);
    const choice = (await chosen.json()) as {
      kind: string;
      termsFrom: string;
      introsHeld: number;
      agreementTerms: { cadence: string };
      relationshipId: string | null;
    };
    expect(choice).toMatchObject({ kind: 'mentoring', termsFrom: 'method-defaults', introsHeld: 2 });
    expect(choice.agreementTerms.cadence).toBeTruthy();
    // Choosing starts the relationship: the guide is invited, with the prefilled agreement proposed.
    expect(choice.relationshipId).toMatch(/^[0-9a-f-]{36}$/);
    const relationship = (await (
      await member.request(`/api/v1/relationships/${choice.relationshipId}`)
    ).json()) as {
      status: string;
      agreements?: { version: number; status: string; terms: { cadence: string } }[];
    };
    expect(relationship.status).toBe('invited');
  });

  it('prefills the agreement from the guide’s own default commitments', async () => {
    const terms = {
      cadence: 'biweekly',
      sessionMinutes: 60,
      preparation: 'Send me your topic two days ahead.',
      responsiveness: { within: 2, unit: 'days', channels: ['email'] },
      format: 'video',
      confidentiality: 'Between us.',
      intendedOutcomes: '',
      plannedMonths: 6,
    };
    const coach = await createGuide(t, 'Cora Terms', { kind: 'coach', defaultCommitments: terms });
    const response = await member.request('/api/v1/choices', {
      method: 'POST',
      body: { guideId: coach.userId },
    });
    const choice = (await response.json()) as { kind: string; termsFrom: string; agreementTerms: unknown };
    expect(choice).toMatchObject({ kind: 'coaching', termsFrom: 'guide-defaults', agreementTerms: terms });
  });
});

describe('privacy (PRODUCT.md §3: scorecards and outreach are the member’s alone)', () => {
  it('answers 404 to the guide and to anyone else for a scorecard and an outreach entry', async () => {
    const card = (await (
      await member.request('/api/v1/scorecards', {
        method: 'PUT',
        body: { guideId: guide(2).userId, ...goodCard },
      })
    ).json()) as { id: string };
    const entry = (await (
      await member.request('/api/v1/outreach', {
        method: 'POST',
        body: { name: 'Erin Expert', hook: 'pricing talk' },
      })
    ).json()) as { id: string };
    const stranger = await signUp(t, 'Sam Stranger');
    for (const other of [guide(2), stranger]) {
      expect((await other.request(`/api/v1/scorecards/${card.id}`)).status).toBe(404);
      expect((await other.request(`/api/v1/outreach/${entry.id}`)).status).toBe(404);
      const edit = await other.request(`/api/v1/outreach/${entry.id}`, {
        method: 'PATCH',
        body: { stage: 'sent' },
      });
      expect(edit.status).toBe(404);
      expect((await other.request(`/api/v1/outreach/${entry.id}`, { method: 'DELETE' })).status).toBe(404);
      const lists = [
        (await (await other.request('/api/v1/scorecards')).json()) as { scorecards: unknown[] },
        (await (await other.request('/api/v1/scorecards/comparison')).json()) as { scorecards: unknown[] },
      ];
      for (const list of lists) expect(list.scorecards).toEqual([]);
      const outreach = (await (await other.request('/api/v1/outreach')).json()) as { contacts: unknown[] };
      expect(outreach.contacts).toEqual([]);
    }
    expect((await member.request(`/api/v1/scorecards/${card.id}`)).status).toBe(200);
  });
});
