import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../../test/support/fresh-database';
import { loadMayaGrowth } from '../../../test/support/maya-growth';
import { othersSecrets } from '../../../test/support/maya-relationships';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import type { Actor } from '../auth/actor';
import { createAuth } from '../auth/auth';
import type { Database } from '../db/client';
import { user } from '../db/schema';
import { createPersonWithAuth } from './create-person';
import { exportGrowthRecord } from './export-growth-record';
import type { GrowthRecord } from './format';
import { importGrowthRecord, parseGrowthRecord, parseGrowthRecordText } from './import-growth-record';
import { renderGrowthRecordMarkdown } from './render-markdown';
import { GrowthRecordError } from './sections/section';

const SAMPLE = path.join(process.cwd(), 'docs/growth-record-sample.md');
const SAMPLE_JSON = path.join(process.cwd(), 'docs/growth-record-sample.json');

const authFor = (database: Database) =>
  createAuth({
    db: database.db,
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    baseUrl: 'http://localhost:3000',
    trustedOrigins: ['http://localhost:3000'],
  });

let t: TestApp;
let source: Database;
let maya: Actor;
let record: GrowthRecord;

// Demo Maya lives in a database of her own, so the demo emails never meet other test files' data
// when the suite shares one PostgreSQL database.
beforeAll(async () => {
  t = await createTestApp();
  source = await openFreshDatabase();
  maya = await loadMayaGrowth(source.db, authFor(source), t.clock.now);
  record = await exportGrowthRecord(source.db, maya.userId, t.clock.now);
});
afterAll(async () => {
  await source.close();
  await t.close();
});

const withoutExportStamp = ({ exportedAt: _, ...rest }: GrowthRecord) => rest;

describe('portable growth record', () => {
  it('exports every area, versioned, with links as local refs', () => {
    expect(record.format).toBe('corner-growth-record');
    expect(record.version).toBe(2);
    expect(record.person).toMatchObject({ name: 'Maya Chen', email: 'maya@demo.corner' });
    expect(record.readinessResults).toHaveLength(1);
    expect(record.goals.map((goal) => goal.category)).toEqual(['iq', 'eq']);
    expect(record.goals[0]?.checkIns).toHaveLength(4);
    expect(record.feedbackRequests).toHaveLength(2);
    const [answered] = record.feedbackRequests;
    expect(answered?.goal).toBe(record.goals[1]?.ref);
    expect(answered?.answer?.text).toContain('cut him off');
    expect(answered?.thankYouNote).toContain('Thank you');
    expect(record.shadowMap[0]?.evidence).toEqual([answered?.ref]);
    expect(record.artifacts.map((a) => a.role)).toEqual(['example', 'draft']);
    expect(record.artifacts[1]?.template).toBe(record.artifacts[0]?.ref);
    expect(record.artifacts[1]?.questions).toEqual(record.artifacts[0]?.questions);
    expect(JSON.stringify(record)).not.toContain(maya.userId);
  });

  it('exports the relationships Maya took part in, with their sessions, actions, journal and report', () => {
    const [mentoring, peer] = record.relationships;
    expect(mentoring).toMatchObject({
      ref: 'relationship-1',
      myRole: 'member',
      counterpart: 'Sam Rivera',
      kind: 'mentoring',
      status: 'closed',
      goals: [{ goal: record.goals[0]?.ref, status: 'active' }],
    });
    expect(mentoring?.agreements.map((a) => [a.version, a.status, a.proposedBy])).toEqual([
      [1, 'accepted', 'member'],
    ]);
    expect(mentoring?.messages.map((m) => m.by)).toEqual(['member', 'guide']);
    // Blind reveal: both retrospectives (each answered); Maya's own view; never Sam's self-reflection,
    // and not Sam's mid-point answers, since Maya never gave hers.
    expect(mentoring?.reflections.map((r) => `${r.kind}/${r.by}`)).toEqual([
      'retrospective/member',
      'member-view/member',
      'retrospective/guide',
    ]);
    expect(peer).toMatchObject({
      ref: 'relationship-2',
      myRole: 'guide',
      counterpart: 'Priya Raman',
      status: 'active',
      goals: [],
    });

    const mentoringSessions = record.sessions.filter((s) => s.relationship === 'relationship-1');
    expect(mentoringSessions.map((s) => [s.template, s.status])).toEqual([
      ['first', 'held'],
      ['regular', 'held'],
      ['regular', 'cancelled'],
      ['last', 'held'],
    ]);
    const [first, second] = mentoringSessions;
    expect(first?.sharedNotes).toContain('Per-seat pricing follows how teams buy.');
    expect(first?.sharedNotesBy).toBe('member');
    expect(first?.myPrivateNote?.body).toContain('out of my depth');
    expect(first?.pulse).toMatchObject({ mine: { word: 'clear' }, theirs: { word: 'energised' } });
    expect(second?.pulse).toEqual({ mine: null, theirs: null });
    expect(second?.agenda?.find((item) => item.source === 'journal-note')?.title).toContain(
      'trusts the numbers',
    );
    const peerSession = record.sessions.find((s) => s.relationship === 'relationship-2');
    expect(peerSession?.myPrivateNote?.body).toContain('let her say it');

    expect(record.actions.map((a) => [a.relationship, a.owner, a.status])).toEqual([
      ['relationship-1', 'member', 'done'],
      ['relationship-1', 'guide', 'done'],
      ['relationship-1', 'member', 'renegotiated'],
      ['relationship-1', 'member', 'open'],
      ['relationship-2', 'member', 'open'],
      ['relationship-1', 'member', 'open'],
    ]);
    const smaller = record.actions.find((a) => a.replaces !== null);
    expect(smaller?.replaces).toBe(record.actions[2]?.ref);
    expect(smaller?.session).toBe(second?.ref);

    expect(record.journal.map((j) => [j.kind, j.relationship, j.sharedWithGuide])).toEqual([
      ['free', null, false],
      ['prompt', 'relationship-1', true],
    ]);
    expect(record.decisions.map((d) => [d.relationship, d.followUps.map((f) => f.afterDays)])).toEqual([
      [null, [30]],
      ['relationship-1', []],
    ]);

    expect(record.reports).toHaveLength(1);
    expect(record.reports[0]).toMatchObject({
      relationship: 'relationship-1',
      sessionsHeld: 3,
      actionsDone: 2,
      actionsTotal: 5,
      goalAchieved: [
        { by: 'member', answer: 'partly' },
        { by: 'guide', answer: 'yes' },
      ],
    });
    expect(record.reports[0]?.markdown).toContain('## Key insights');
  });

  it('never exports what only the other person may read', () => {
    const text = JSON.stringify(record);
    for (const secret of othersSecrets) expect(text).not.toContain(secret);
    expect(renderGrowthRecordMarkdown(record)).not.toMatch(/SAM-|PRIYA-/);
  });

  it('exports the same document twice in a row', async () => {
    expect(await exportGrowthRecord(source.db, maya.userId, t.clock.now)).toEqual(record);
  });

  it('round-trips: export → import into a fresh database → export gives the same document', async () => {
    const fresh = await openFreshDatabase();
    try {
      const report = await importGrowthRecord(fresh.db, parseGrowthRecordText(JSON.stringify(record)), {
        createPerson: createPersonWithAuth(authFor(fresh)),
        now: t.clock.now,
      });
      expect(report.createdPerson).toBe(true);
      expect(report.temporaryPassword).toBeTruthy();
      expect(report.counts).toMatchObject({
        goals: 2,
        feedbackRequests: 2,
        shadowMap: 2,
        artifacts: 2,
        relationships: 2,
        sessions: 5,
        actions: 6,
        journal: 2,
        decisions: 2,
        reports: 1,
      });
      expect(report.warnings.join(' ')).toMatch(/unanswered feedback link/);
      const again = await exportGrowthRecord(fresh.db, report.userId, new Date('2030-01-01T00:00:00Z'));
      expect(withoutExportStamp(again)).toEqual(withoutExportStamp(record));
    } finally {
      await fresh.close();
    }
  });

  it('imports into an existing person with --as, leaving the original untouched', async () => {
    const ana = await signUp(t, 'Ana Importer');
    const report = await importGrowthRecord(t.database.db, record, {
      asEmail: ana.email,
      createPerson: () => Promise.reject(new Error('should not create anyone')),
      now: t.clock.now,
    });
    expect(report.createdPerson).toBe(false);
    expect(report.userId).toBe(ana.userId);
    const { person: _, ...anas } = await exportGrowthRecord(t.database.db, ana.userId, t.clock.now);
    const { person: __, ...imported } = record;
    expect(anas).toEqual(imported);
    expect(await exportGrowthRecord(source.db, maya.userId, t.clock.now)).toEqual(record);
  });

  it('imports the same record twice without duplicating anything: the export is as after one import', async () => {
    const dana = await signUp(t, 'Dana Twice');
    const into = {
      asEmail: dana.email,
      createPerson: () => Promise.reject(new Error('should not create anyone')),
      now: t.clock.now,
    };
    const first = await importGrowthRecord(t.database.db, record, into);
    expect(first.alreadyImported).toBe(false);
    const once = await exportGrowthRecord(t.database.db, dana.userId, t.clock.now);
    // The same file again, and the same data exported later and written out differently.
    const second = await importGrowthRecord(t.database.db, record, into);
    const reExported = parseGrowthRecordText(
      JSON.stringify({ ...record, exportedAt: '2031-05-01T00:00:00.000Z' }, null, 2),
    );
    const third = await importGrowthRecord(t.database.db, reExported, into);
    for (const again of [second, third]) {
      expect(again.alreadyImported).toBe(true);
      expect(again.counts).toEqual({});
      expect(again.warnings.join(' ')).toMatch(/already imported/);
    }
    expect(await exportGrowthRecord(t.database.db, dana.userId, t.clock.now)).toEqual(once);
    const { person: _, ...danas } = once;
    const { person: __, ...imported } = record;
    expect(danas).toEqual(imported);
    // A record with different content is a different record, and is imported.
    const edited = structuredClone(record);
    const goal = edited.goals[0];
    if (!goal) throw new Error('expected a goal');
    goal.title = `${goal.title} (revised)`;
    const fourth = await importGrowthRecord(t.database.db, edited, into);
    expect(fourth.alreadyImported).toBe(false);
    expect(fourth.counts.goals).toBe(record.goals.length);
  });

  it('refuses a malformed file with the path of each problem, and writes nothing', async () => {
    const broken = structuredClone(record) as unknown as { goals: { signs: { label: unknown }[] }[] };
    const firstSign = broken.goals[0]?.signs[0];
    if (!firstSign) throw new Error('expected a sign');
    firstSign.label = 42;
    expect(() => parseGrowthRecord(broken)).toThrow(/goals\.0\.signs\.0\.label/);
    expect(() => parseGrowthRecord({ ...record, version: 3 })).toThrow(/version: must be 1 or 2/);
    const versionOne = {
      ...record,
      version: 1,
      relationships: [],
      sessions: [],
      actions: [],
      journal: [],
      decisions: [],
      reports: [],
    };
    expect(parseGrowthRecord(versionOne).version).toBe(1);
    expect(() => parseGrowthRecord({ ...record, extra: true })).toThrow(GrowthRecordError);
    expect(() => parseGrowthRecordText('{ nope')).toThrow(/not JSON/);

    const dangling = structuredClone(record);
    const request = dangling.feedbackRequests[0];
    if (!request) throw new Error('expected a request');
    request.goal = 'goal-99';
    const before = await exportGrowthRecord(source.db, maya.userId, t.clock.now);
    const intoMaya = {
      asEmail: maya.email,
      createPerson: () => Promise.reject(new Error('unused')),
      now: t.clock.now,
    };
    await expect(importGrowthRecord(source.db, dangling, intoMaya)).rejects.toThrow(
      /feedbackRequests\.0\.goal: refers to "goal-99"/,
    );
    // A problem found late (the last sections) still leaves nothing behind: goals, history, journal.
    const lateDangling = structuredClone(record);
    const report = lateDangling.reports[0];
    if (!report) throw new Error('expected a report');
    report.relationship = 'relationship-9';
    await expect(importGrowthRecord(source.db, lateDangling, intoMaya)).rejects.toThrow(
      /reports\.0\.relationship: refers to "relationship-9", which is not in this record/,
    );
    const wrongKind = structuredClone(record);
    const session = wrongKind.sessions[0];
    if (!session) throw new Error('expected a session');
    session.relationship = 'goal-1';
    await expect(importGrowthRecord(source.db, wrongKind, intoMaya)).rejects.toThrow(
      /sessions\.0\.relationship: refers to "goal-1", which is a goal, not a relationship/,
    );
    const twice = structuredClone(record);
    const secondSession = twice.sessions[1];
    if (!secondSession) throw new Error('expected two sessions');
    secondSession.ref = 'session-1';
    await expect(importGrowthRecord(source.db, twice, intoMaya)).rejects.toThrow(
      /"session-1" names two records/,
    );
    expect(await exportGrowthRecord(source.db, maya.userId, t.clock.now)).toEqual(before);

    // Someone created for a refused import is taken back again.
    await expect(
      importGrowthRecord(t.database.db, lateDangling, {
        asEmail: 'refused-import@example.test',
        createPerson: createPersonWithAuth(authFor(t.database)),
        now: t.clock.now,
      }),
    ).rejects.toThrow(GrowthRecordError);
    const left = await t.database.db.select().from(user).where(eq(user.email, 'refused-import@example.test'));
    expect(left).toEqual([]);
  });

  it('keeps docs/growth-record-sample.json in step with the exporter', () => {
    // Compared as data, so the committed file can keep the project's JSON formatting (biome).
    if (process.env.UPDATE_SAMPLES === '1')
      fs.writeFileSync(SAMPLE_JSON, `${JSON.stringify(record, null, 2)}\n`);
    expect(JSON.parse(fs.readFileSync(SAMPLE_JSON, 'utf8'))).toEqual(record);
  });

  it('renders readable Markdown (docs/growth-record-sample.md is this rendering of demo Maya)', () => {
    const markdown = renderGrowthRecordMarkdown(record);
    for (const heading of [
      '# Growth record of Maya Chen',
      '## Goals',
      '## Mirror feedback',
      '## Shadow-side map',
      '## Artifact library',
      '## Relationships',
      '### Mentoring with Sam Rivera',
      '#### Sessions',
      '#### End report',
      '### Peer exchange with Priya Raman',
      '## Journal',
      '## Decisions',
    ]) {
      expect(`\n${markdown}`).toContain(`\n${heading}\n`);
    }
    expect(markdown).toContain('Quick with data');
    // Sessions in date order, each with its next steps.
    const mentoring = markdown.slice(
      markdown.indexOf('### Mentoring with Sam Rivera'),
      markdown.indexOf('### Peer exchange'),
    );
    const dates = [...mentoring.matchAll(/^##### \w+, (\d+ \w+ 2026)/gm)].map((match) => match[1]);
    expect(dates).toEqual(['8 Oct 2026', '22 Oct 2026', '5 Nov 2026', '12 Nov 2026']);
    expect(mentoring).toContain(
      '- [x] Read the last two pricing reviews and list my questions (me, due 2026-10-15)',
    );
    expect(mentoring).toContain('**My private note**');
    if (process.env.UPDATE_SAMPLES === '1') fs.writeFileSync(SAMPLE, markdown);
    expect(fs.readFileSync(SAMPLE, 'utf8')).toBe(markdown);
  });

  it('serves my own record over the API as JSON or Markdown', async () => {
    const ben = await signUp(t, 'Ben Exporter');
    const json = await ben.request('/api/v1/growth-record');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toContain('.json');
    const body = (await json.json()) as GrowthRecord;
    expect(body.person.name).toBe('Ben Exporter');
    expect(body.goals).toEqual([]);
    const markdown = await ben.request('/api/v1/growth-record?format=markdown');
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(await markdown.text()).toContain('# Growth record of Ben Exporter');
    expect((await t.app.request('/api/v1/growth-record')).status).toBe(401);
  });

  it('shows imported history, read-only, over the API', async () => {
    const cleo = await signUp(t, 'Cleo Mover');
    const empty = await cleo.request('/api/v1/growth-record/history');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({
      relationships: [],
      sessions: [],
      actions: [],
      journal: [],
      decisions: [],
      reports: [],
    });
    await importGrowthRecord(t.database.db, record, {
      asEmail: cleo.email,
      createPerson: () => Promise.reject(new Error('unused')),
      now: t.clock.now,
    });
    const history = (await (await cleo.request('/api/v1/growth-record/history')).json()) as GrowthRecord;
    expect(history.relationships.map((r) => r.counterpart)).toEqual(['Sam Rivera', 'Priya Raman']);
    expect(history.sessions).toEqual(record.sessions);
    expect(history.actions).toEqual(record.actions);
    expect(history.reports).toEqual(record.reports);
    // Entries standing on their own came back live (the journal page has them), not as history.
    expect(history.journal.map((j) => j.relationship)).toEqual(['relationship-1']);
    expect(history.decisions.map((d) => d.relationship)).toEqual(['relationship-1']);
    const journal = (await (await cleo.request('/api/v1/journal')).json()) as { entries: { body: string }[] };
    expect(journal.entries.map((e) => e.body).join(' ')).toContain('Nervous about Tuesday');
    expect((await t.app.request('/api/v1/growth-record/history')).status).toBe(401);
  });
});
