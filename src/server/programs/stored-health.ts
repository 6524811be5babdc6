import { sql } from 'drizzle-orm';
import { computeMomentum, type MomentumState } from '../../domain/momentum/compute-momentum';
import { momentumStableUntil } from '../../domain/momentum/momentum-horizon';
import type { Db } from '../db/client';
import { rowsOf } from '../db/raw-rows';
import { loadMomentumRows } from '../relationships/load-momentum-rows';
import { momentumFactsOf } from '../relationships/momentum-facts';

export type PairHealth = { state: MomentumState; sessionsLast30Days: number };
type Stale = { relationshipId: string; generation: number };

// Values in these arrays are uuids, states, integers and ISO instants: nothing an array literal must quote.
const pgArray = (values: (string | number | null)[]) =>
  `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
const BATCH = 5_000;

/**
 * Computes the momentum of these relationships at `now`, from the rows that can matter, with the same
 * rule and translation the pair's own view uses, and stores each state with the generation read before
 * the rows were loaded: if a write came in meanwhile the generation has moved on, nothing is stored and
 * the next reader computes again. Returns the computed states.
 */
export async function refreshStoredHealth(
  db: Db,
  stale: Stale[],
  now: Date,
): Promise<Map<string, PairHealth>> {
  const computed = new Map<string, PairHealth>();
  for (let offset = 0; offset < stale.length; offset += BATCH) {
    const batch = stale.slice(offset, offset + BATCH);
    const loaded = await loadMomentumRows(
      db,
      batch.map((row) => row.relationshipId),
      now,
    );
    const at = now.toISOString();
    const stored: { id: string; generation: number; state: string; count: number; until: string | null }[] =
      [];
    for (const row of batch) {
      const rows = loaded.get(row.relationshipId);
      if (!rows) continue;
      const facts = momentumFactsOf(rows.rel, rows.cadence, rows.records, rows.zoneOf);
      const momentum = computeMomentum(facts, at);
      const health = { state: momentum.state, sessionsLast30Days: momentum.metrics.sessionsLast30Days };
      computed.set(row.relationshipId, health);
      stored.push({
        id: row.relationshipId,
        generation: row.generation,
        state: health.state,
        count: health.sessionsLast30Days,
        until: momentumStableUntil(facts, at),
      });
    }
    if (stored.length === 0) continue;
    await db.execute(sql`
      update relationship_health as h
      set state = v.state, sessions_last_30_days = v.count, stable_until = v.until,
        computed_at = ${at}::timestamptz, computed_generation = v.generation
      from unnest(
        ${pgArray(stored.map((row) => row.id))}::uuid[],
        ${pgArray(stored.map((row) => row.generation))}::int[],
        ${pgArray(stored.map((row) => row.state))}::text[],
        ${pgArray(stored.map((row) => row.count))}::int[],
        ${pgArray(stored.map((row) => row.until))}::timestamptz[]
      ) as v(id, generation, state, count, until)
      where h.relationship_id = v.id and h.generation = v.generation`);
  }
  return computed;
}

// A stored state holds while no write has come in since it was computed, and `now` lies between when
// it was computed and when time alone would change it (or is the very instant it was computed for).
const fresh = (at: string) => sql`(
  h.computed_generation = h.generation
  and h.computed_at <= ${at}::timestamptz
  and (h.stable_until is null or h.stable_until > ${at}::timestamptz or h.computed_at = ${at}::timestamptz))`;

export type CohortPair = {
  relationshipId: string;
  member: string;
  guide: string;
} & PairHealth;

/**
 * Every pair of the cohort (by member name) with its health at `now`: stored states where they hold,
 * the rest computed now. One index range over the dashboard's lines, not a join over people.
 */
export async function cohortPairHealth(db: Db, cohortId: string, now: Date): Promise<CohortPair[]> {
  const at = now.toISOString();
  // The stale states are found and recomputed while the list is read; a pair that went stale in
  // between shows as stale in the list and is recomputed after.
  const [rows, recomputed] = await Promise.all([
    db
      .execute(sql`
        select h.relationship_id as id, h.member_name as member, h.guide_name as guide, h.generation,
          h.state, h.sessions_last_30_days as count, ${fresh(at)} as fresh
        from relationship_health h
        where h.cohort_id = ${cohortId}
        order by h.member_name, h.relationship_id`)
      .then((result) =>
        rowsOf<{
          id: string;
          member: string | null;
          guide: string | null;
          generation: number;
          state: MomentumState | null;
          count: number | null;
          fresh: boolean | null;
        }>(result),
      ),
    staleHealth(db, cohortId, at).then((stale) => refreshStoredHealth(db, stale, now)),
  ]);
  const missed = rows
    .filter((row) => row.fresh !== true && !recomputed.has(row.id))
    .map((row) => ({ relationshipId: row.id, generation: row.generation }));
  for (const [id, health] of await refreshStoredHealth(db, missed, now)) recomputed.set(id, health);
  return rows.map((row) => {
    const health = recomputed.get(row.id) ?? {
      state: row.state ?? 'on-track',
      sessionsLast30Days: row.count ?? 0,
    };
    return { relationshipId: row.id, member: row.member ?? '—', guide: row.guide ?? '—', ...health };
  });
}

/** The stored states no longer good at `at`, of one cohort or of every cohort. */
async function staleHealth(db: Db, cohortId: string | null, at: string): Promise<Stale[]> {
  return rowsOf<Stale>(
    await db.execute(sql`
      select h.relationship_id as "relationshipId", h.generation
      from relationship_health h
      where ${cohortId === null ? sql`h.cohort_id is not null` : sql`h.cohort_id = ${cohortId}`}
        and not coalesce(${fresh(at)}, false)`),
  );
}

/**
 * Brings every stale stored state of a cohort's pair up to date, so dashboards find them ready (the
 * refresh job). Returns how many were computed.
 */
export async function refreshStaleHealth(db: Db, now: Date): Promise<number> {
  const stale = await staleHealth(db, null, now.toISOString());
  return (await refreshStoredHealth(db, stale, now)).size;
}
