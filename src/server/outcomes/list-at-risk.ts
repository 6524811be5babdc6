import { sql } from 'drizzle-orm';
import type { RiskLevel, RiskSignal } from '../../domain/outcomes/risk-signals';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { rowsOf } from '../db/raw-rows';
import { requireCohortAdmin } from '../policies/programs';
import { keptRiskHolds, type PairRisk, refreshStoredRisk } from './pair-risk';

export type AtRiskPair = {
  relationshipId: string;
  member: string;
  guide: string;
  level: Exclude<RiskLevel, 'ok'>;
  signals: RiskSignal[];
  lastRepairStep: { kind: string; at: string } | null;
};

// The admin's early-warning list: each active pair with at least one signal, its level and the reasons.
// Each pair's risk is stored with the dashboard's line (relationship_health) and recomputed only when a
// write or the passing of time has made it stale, so the list reads the few pairs it shows, not every
// fact of 20,000 pairs (bench:outcomes).
export async function listAtRisk(db: Db, actor: Actor, cohortId: string, now: Date): Promise<AtRiskPair[]> {
  await requireCohortAdmin(db, actor, cohortId);
  const at = now.toISOString();
  const fresh = keptRiskHolds(at);
  const rows = rowsOf<{
    id: string;
    generation: number;
    member: string | null;
    guide: string | null;
    level: RiskLevel | null;
    detail: Omit<PairRisk, 'level'> | null;
    fresh: boolean;
  }>(
    await db.execute(sql`
    select h.relationship_id as id, h.generation, h.member_name as member, h.guide_name as guide,
      h.risk_level as level, h.risk_detail as detail, ${fresh} as fresh
    from relationship_health h join relationships r on r.id = h.relationship_id
    where h.cohort_id = ${cohortId} and r.status = 'active' and r.accepted_at is not null
      and (h.risk_level is distinct from 'ok' or not ${fresh})`),
  );
  const recomputed = await refreshStoredRisk(
    db,
    rows.filter((row) => !row.fresh).map((row) => ({ relationshipId: row.id, generation: row.generation })),
    now,
  );
  const list: AtRiskPair[] = [];
  for (const row of rows) {
    const risk: PairRisk | undefined =
      recomputed.get(row.id) ??
      (row.fresh && row.level && row.detail ? { level: row.level, ...row.detail } : undefined);
    if (!risk || risk.level === 'ok') continue;
    list.push({
      relationshipId: row.id,
      member: row.member ?? '',
      guide: row.guide ?? '',
      level: risk.level,
      signals: risk.signals,
      lastRepairStep: risk.lastRepairStep,
    });
  }
  return list.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'at-risk' ? -1 : 1) ||
      b.signals.length - a.signals.length ||
      names.compare(a.member, b.member) ||
      names.compare(a.guide, b.guide) ||
      (a.relationshipId < b.relationshipId ? -1 : a.relationshipId > b.relationshipId ? 1 : 0),
  );
}

// One collation whatever the server's locale (and far cheaper than localeCompare per comparison), so
// the same cohort pages the same way everywhere; guide and id make the order total for paging.
const names = new Intl.Collator('en');

export type AtRiskPageQuery = { page: number; pageSize: number };
export type AtRiskPage = {
  pairs: AtRiskPair[];
  totals: { atRisk: number; watch: number };
  page: { number: number; size: number; pairs: number; pages: number };
};

/**
 * One page of the early-warning list, at risk first, then by number of signals, member, guide and id,
 * so consecutive pages never repeat or skip a pair; the totals cover the whole cohort.
 */
export async function atRiskPage(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
  query: AtRiskPageQuery,
): Promise<AtRiskPage> {
  const list = await listAtRisk(db, actor, cohortId, now);
  const atRisk = list.filter((pair) => pair.level === 'at-risk').length;
  const start = (query.page - 1) * query.pageSize;
  return {
    pairs: list.slice(start, start + query.pageSize),
    totals: { atRisk, watch: list.length - atRisk },
    page: {
      number: query.page,
      size: query.pageSize,
      pairs: list.length,
      pages: Math.max(1, Math.ceil(list.length / query.pageSize)),
    },
  };
}
