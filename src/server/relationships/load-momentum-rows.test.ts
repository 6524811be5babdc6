import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVariedCohort } from '../../../test/support/cohort-fixture';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { computeMomentum } from '../../domain/momentum/compute-momentum';
import { relationships } from '../db/schema';
import { loadMomentumRows } from './load-momentum-rows';
import { loadPeople } from './load-relationship';
import { momentumFactsOf } from './momentum-facts';
import { relationshipHealth } from './relationship-health';

// The dashboard judges thousands of pairs from only the rows that can matter (momentumRowWindow);
// every pair must come out exactly as in its own view, which reads everything.
const NOW = new Date('2027-03-10T12:00:00Z');
let t: TestApp;
let ids: string[];

beforeAll(async () => {
  t = await createTestApp(NOW);
  ({ relationshipIds: ids } = await seedVariedCohort(t.database.db, {
    cohortId: null,
    now: NOW,
    pairs: 40,
    seed: 7,
    tag: `rows-${process.pid}`,
  }));
});
afterAll(() => t.close());

describe('loadMomentumRows', () => {
  const seen = new Set<string>();
  const moments = [0, 13 / 24, 3, 17.5, -2].map((days) => new Date(NOW.getTime() + days * 86_400_000));
  for (const now of moments) {
    it(`gives every pair the momentum of its own view at ${now.toISOString()}`, async () => {
      const db = t.database.db;
      const rels = await db.select().from(relationships).where(inArray(relationships.id, ids));
      const loaded = await loadMomentumRows(db, ids, now);
      expect(loaded.size).toBe(ids.length);
      for (const rel of rels) {
        const people = await loadPeople(db, [rel.memberId, rel.guideId]);
        const own = (await relationshipHealth(db, rel, people, now)).momentum;
        const rows = loaded.get(rel.id);
        if (!rows) throw new Error(`no rows for ${rel.id}`);
        const facts = momentumFactsOf(rows.rel, rows.cadence, rows.records, rows.zoneOf);
        expect(computeMomentum(facts, now.toISOString()), rel.id).toEqual(own);
        seen.add(own.state);
        for (const reason of own.reasons) seen.add(reason.code);
      }
    });
  }

  it('was tried on a fixture varied enough to tell the paths apart', () => {
    expect([...seen].sort()).toEqual([
      'actions-overdue',
      'agenda-missing',
      'at-risk',
      'cadence-missed',
      'next-step-missing',
      'no-first-session',
      'no-recent-session',
      'on-track',
      'pulse-falling',
      'slipping',
    ]);
  });
});
