import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgramCohort } from '../../../test/support/program-fixtures';
import { createTestApp, type Member, signUp, type TestApp } from '../../../test/support/test-app';
import { applications, relationships, sessions, user } from '../db/schema';

const DAY = 86_400_000;
let t: TestApp;
let admin: Member;
let stranger: Member;
let cohortId: string;

// 7 members applied 40 days ago, 6 matched and started 30 days ago, each with a held first session;
// none ended: so "matched" shows 6, while "ended early" (0) and "completed" (0) read "fewer than 5".
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);
  admin = await signUp(t, 'Sandra Sponsor-Admin');
  stranger = await signUp(t, 'Stan Stranger');
  cohortId = await createProgramCohort(admin, 'Sponsor League');
  const stamp = `${Date.now()}-${process.pid}`;
  for (let i = 0; i < 7; i += 1) {
    const memberId = `sr-m${i}-${stamp}`;
    const guideId = `sr-g${i}-${stamp}`;
    await db.insert(user).values([
      { id: memberId, name: `Member ${i}`, email: `${memberId}@example.test` },
      { id: guideId, name: `Guide ${i}`, email: `${guideId}@example.test` },
    ]);
    await db.insert(applications).values({
      cohortId,
      role: 'member',
      email: `${memberId}@example.test`,
      name: `Member ${i}`,
      profile: {} as never,
      status: 'confirmed',
      confirmedBy: memberId,
      createdAt: ago(40),
    });
    if (i === 6) continue;
    const [pair] = await db
      .insert(relationships)
      .values({
        memberId,
        guideId,
        invitedBy: memberId,
        inviteeEmail: `${guideId}@example.test`,
        inviteTokenHash: `sr-token-${i}-${stamp}`,
        kind: 'mentoring',
        framing: 'time-framed',
        status: 'active',
        createdAt: ago(35),
        acceptedAt: ago(30),
        cohortId,
      })
      .returning({ id: relationships.id });
    await db.insert(sessions).values({
      relationshipId: pair?.id ?? '',
      startsAt: ago(25),
      endsAt: new Date(ago(25).getTime() + 3_600_000),
      bookedTimeZone: 'UTC',
      template: 'first',
      status: 'held',
      createdBy: memberId,
      createdAt: ago(28),
    });
  }
});
afterAll(() => t.close());

type Row = { level: string; measure: string; value: string; n: string; note: string };

// The text a PDF shows: pdfkit writes each page's content as a deflated stream, and its standard-font
// text as hex strings; decoding both gives the words on paper.
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const words: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '').join('');
      words.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return words.join(' ');
}

describe('sponsor report', () => {
  it('gives the CSV by level, with the same figures as the outcomes answer and "fewer than 5" under 5', async () => {
    const outcomes = (await (await admin.request(`/api/v1/cohorts/${cohortId}/outcomes`)).json()) as {
      funnel: { stages: { stage: string; count: { suppressed: boolean; value?: number } }[] };
    };
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/sponsor-report.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await response.text(), { columns: true }) as Row[];
    expect(new Set(rows.map((r) => r.level))).toEqual(
      new Set(['reaction', 'learning', 'behaviour', 'results']),
    );
    const behaviour = new Map(rows.filter((r) => r.level === 'behaviour').map((r) => [r.measure, r.value]));
    const applied = outcomes.funnel.stages.find((s) => s.stage === 'applied')?.count.value;
    const matched = outcomes.funnel.stages.find((s) => s.stage === 'matched')?.count.value;
    expect(applied).toBe(7);
    expect(behaviour.get('Applied')).toBe(String(applied));
    expect(behaviour.get('Matched')).toBe(String(matched));
    expect(behaviour.get('Had a first session')).toBe('6');
    expect(behaviour.get('Ended early')).toBe('fewer than 5');
    expect(behaviour.get('Completed')).toBe('fewer than 5');
  });

  it('gives a PDF whose text has the four levels, the sentences and the withheld label', async () => {
    const response = await admin.request(`/api/v1/cohorts/${cohortId}/sponsor-report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const heading of ['Reaction', 'Learning', 'Behaviour', 'Results']) expect(text).toContain(heading);
    expect(text).toContain('7 people applied and 6 were matched');
    expect(text).toContain('fewer than 5');
    expect(text).not.toContain('Member 1');
  });

  it('is refused to anyone but the cohort’s admins', async () => {
    for (const path of ['sponsor-report.csv', 'sponsor-report.pdf']) {
      const response = await stranger.request(`/api/v1/cohorts/${cohortId}/${path}`);
      expect(response.status).toBeGreaterThanOrEqual(403);
      expect(response.status).toBeLessThanOrEqual(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
