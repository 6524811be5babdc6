import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseGuideProfile, createGuide } from '../../../test/support/guide-factory';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { guideProfiles, outboxMessages } from '../db/schema';
import { createOutboxMailer } from '../mail/mailer';
import { pauseQuietGuides } from './pause-quiet-guides';

let t: TestApp;
let member: Member;

beforeAll(async () => {
  t = await createTestApp();
  member = await signUp(t, 'Mo Member');
});
afterAll(() => t.close());

type Profile = {
  status: string;
  pausedReason: string | null;
  capacityLeft: number;
  expertise: string[];
  reliability: { noShows: number; lastActiveAt: string };
};

describe('my guide profile', () => {
  it('is missing until published, then saves every field', async () => {
    const guide = await signUp(t, 'Pia Profile');
    const before = await guide.request('/api/v1/me/guide-profile');
    expect(await before.json()).toEqual({ profile: null });
    const response = await guide.request('/api/v1/me/guide-profile', {
      method: 'PUT',
      body: {
        ...baseGuideProfile,
        kind: 'both',
        expertise: ['Pricing', 'Leadership'],
        proofOfWork: [
          { label: 'Talk on pricing', url: 'https://example.com/talk', description: 'At a conference' },
        ],
        approach: 'craft',
        structure: 'structured',
        style: 'challenging',
        credentials: ['ICF ACC'],
        background: 'Former VP Product',
        worksWith: 'Senior PMs moving into leadership',
        seniorityLevels: ['senior'],
        formats: ['video', 'in-person'],
        city: 'Berlin',
        volunteer: false,
        priceMin: 100,
        priceMax: 200,
        currency: 'EUR',
        organization: 'Globex',
      },
    });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as Profile & Record<string, unknown>;
    expect(saved).toMatchObject({
      kind: 'both',
      expertise: ['pricing', 'leadership'],
      city: 'Berlin',
      organization: 'Globex',
    });
    expect(saved.capacityLeft).toBe(3);
    const publicView = (await (await member.request(`/api/v1/guides/${guide.userId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(publicView.organization).toBeUndefined();
    expect(publicView.name).toBe('Pia Profile');
  });

  it.each([
    [{ kind: 'guru' }, 'kind'],
    [{ capacity: -1 }, 'capacity'],
    [{ priceMin: 300, priceMax: 100, volunteer: false }, 'priceMin'],
    [{ formats: ['in-person'] }, 'city'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ availability: [{ weekday: 2, start: '14:00', end: '10:00' }] }, 'availability.0.end'],
    [{ languages: ['English'] }, 'languages.0'],
    [{ favouriteColour: 'blue' }, 'favouriteColour'],
  ])('refuses %o with a 422 naming %s', async (change, field) => {
    const guide = await signUp(t, 'Val Invalid');
    const response = await guide.request('/api/v1/me/guide-profile', {
      method: 'PUT',
      body: { ...baseGuideProfile, ...change },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { detail: string; errors: { field: string }[] };
    // An unknown key is named in the sentence (zod reports it against the whole body).
    const named = body.errors.some((error) => error.field === field) || body.detail.includes(`"${field}"`);
    expect(named).toBe(true);
  });
});

describe('reliability: quiet guides are paused, and told', () => {
  it('pauses a guide who leaves a request unanswered for 14 days, mails them once, and lets them resume', async () => {
    const quiet = await createGuide(t, 'Quinn Quiet');
    const busy = await createGuide(t, 'Bea Busy');
    for (const guide of [quiet, busy]) {
      const response = await member.request('/api/v1/intros', {
        method: 'POST',
        body: {
          guideId: guide.userId,
          message: 'Could we have a short intro?',
          proposedTimes: [new Date(t.clock.now.getTime() + 3 * 86_400_000).toISOString()],
        },
      });
      expect(response.status).toBe(201);
    }
    t.clock.advanceDays(10);
    const busyIntros = (await (await busy.request('/api/v1/intros')).json()) as {
      received: { id: string }[];
    };
    const busyIntro = busyIntros.received[0];
    if (!busyIntro) throw new Error('expected an intro');
    await busy.request(`/api/v1/intros/${busyIntro.id}/response`, {
      method: 'POST',
      body: { action: 'decline', reason: 'Full this quarter' },
    });
    const mailer = createOutboxMailer(t.database.db);
    // The sweep is database-wide, and on PostgreSQL other test files share the database (and leave
    // intro requests of their own unanswered): only this test's two guides are its business.
    const pausedHere = async () =>
      (await pauseQuietGuides(t.database.db, mailer, t.clock.now))
        .map((row) => row.guideId)
        .filter((id) => id === quiet.userId || id === busy.userId);
    expect(await pausedHere()).toEqual([]);

    t.clock.advanceDays(5);
    expect(await pausedHere()).toEqual([quiet.userId]);
    expect(await pausedHere()).toEqual([]);
    const mails = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, quiet.email));
    expect(mails.filter((mail) => mail.subject.includes('paused'))).toHaveLength(1);

    const { profile: mine } = (await (await quiet.request('/api/v1/me/guide-profile')).json()) as {
      profile: Profile;
    };
    expect(mine.status).toBe('paused');
    expect(mine.pausedReason).toMatch(/14 days/);
    const search = (await (await member.request('/api/v1/directory?kind=any&q=quinn')).json()) as {
      results: { guide: { userId: string } }[];
    };
    expect(search.results.map((result) => result.guide.userId)).not.toContain(quiet.userId);
    const shortlisted = await member.request('/api/v1/shortlist', {
      method: 'POST',
      body: { guideId: quiet.userId },
    });
    expect(shortlisted.status).toBe(404);

    const resumed = await quiet.request('/api/v1/me/guide-profile/resume', { method: 'POST' });
    expect(((await resumed.json()) as Profile).status).toBe('active');
    const found = (await (await member.request('/api/v1/directory?kind=any&q=quinn')).json()) as {
      results: { guide: { userId: string } }[];
    };
    expect(found.results.map((result) => result.guide.userId)).toContain(quiet.userId);
  });

  it('records a no-show once when an accepted intro was missed', async () => {
    const guide = await createGuide(t, 'Noel NoShow');
    const created = await member.request('/api/v1/intros', {
      method: 'POST',
      body: {
        guideId: guide.userId,
        message: 'Could we have a short intro?',
        proposedTimes: [new Date(t.clock.now.getTime() + 86_400_000).toISOString()],
      },
    });
    const intro = (await created.json()) as { id: string; proposedTimes: string[] };
    await guide.request(`/api/v1/intros/${intro.id}/response`, {
      method: 'POST',
      body: { action: 'accept', time: intro.proposedTimes[0] },
    });
    const early = await member.request(`/api/v1/intros/${intro.id}/no-show`, { method: 'POST' });
    expect(early.status).toBe(409);
    t.clock.advanceDays(2);
    for (let i = 0; i < 2; i += 1) {
      expect((await member.request(`/api/v1/intros/${intro.id}/no-show`, { method: 'POST' })).status).toBe(
        200,
      );
    }
    const [row] = await t.database.db
      .select()
      .from(guideProfiles)
      .where(eq(guideProfiles.userId, guide.userId));
    expect(row?.noShows).toBe(1);
  });
});
