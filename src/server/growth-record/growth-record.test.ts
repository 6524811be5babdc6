import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../../test/support/fresh-database';
import { loadMayaGrowth } from '../../../test/support/maya-growth';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app';
import type { Actor } from '../auth/actor';
import { createAuth } from '../auth/auth';
import type { Database } from '../db/client';
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
    expect(record.version).toBe(1);
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
    for (const key of ['relationships', 'sessions', 'actions', 'journal', 'decisions', 'reports'] as const) {
      expect(record[key]).toEqual([]);
    }
    expect(JSON.stringify(record)).not.toContain(maya.userId);
  });

  it('round-trips: export → import into a fresh database → export gives the same document', async () => {
    const fresh = await openFreshDatabase();
    try {
      const report = await importGrowthRecord(fresh.db, parseGrowthRecordText(JSON.stringify(record)), {
        createPerson: createPersonWithAuth(authFor(fresh)),
      });
      expect(report.createdPerson).toBe(true);
      expect(report.temporaryPassword).toBeTruthy();
      expect(report.counts).toMatchObject({ goals: 2, feedbackRequests: 2, shadowMap: 2, artifacts: 2 });
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
    });
    expect(report.createdPerson).toBe(false);
    expect(report.userId).toBe(ana.userId);
    const anas = await exportGrowthRecord(t.database.db, ana.userId, t.clock.now);
    expect(anas.goals).toEqual(record.goals);
    const mayas = await exportGrowthRecord(source.db, maya.userId, t.clock.now);
    expect(mayas).toEqual(record);
  });

  it('refuses a malformed file with the path of each problem, and writes nothing', async () => {
    const broken = structuredClone(record) as unknown as { goals: { signs: { label: unknown }[] }[] };
    const firstSign = broken.goals[0]?.signs[0];
    if (!firstSign) throw new Error('expected a sign');
    firstSign.label = 42;
    expect(() => parseGrowthRecord(broken)).toThrow(/goals\.0\.signs\.0\.label/);
    expect(() => parseGrowthRecord({ ...record, version: 2 })).toThrow(/version: must be 1/);
    expect(() => parseGrowthRecord({ ...record, extra: true })).toThrow(GrowthRecordError);
    expect(() => parseGrowthRecordText('{ nope')).toThrow(/not JSON/);

    const dangling = structuredClone(record);
    const request = dangling.feedbackRequests[0];
    if (!request) throw new Error('expected a request');
    request.goal = 'goal-99';
    const before = await exportGrowthRecord(source.db, maya.userId, t.clock.now);
    await expect(
      importGrowthRecord(source.db, dangling, {
        asEmail: maya.email,
        createPerson: () => Promise.reject(new Error('unused')),
      }),
    ).rejects.toThrow(/feedbackRequests\.0\.goal: refers to "goal-99"/);
    expect(await exportGrowthRecord(source.db, maya.userId, t.clock.now)).toEqual(before);
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
      '## Journal',
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain('Quick with data');
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
});
